package worker

import (
	"fmt"

	"github.com/klauspost/compress/zstd"
)

// maxPrepared is the largest prepared job decompressed: far above what
// a job's input (2 MB at most as queued) prepares to.
const maxPrepared = 1 << 30

// zstdMagic starts every zstd frame; neither JSON nor any other stored
// form of a prepared job starts with it.
const zstdMagic = "\x28\xb5\x2f\xfd"

// zstdFrame reports whether b is zstd-compressed.
func zstdFrame(b []byte) bool {
	return len(b) >= len(zstdMagic) && string(b[:len(zstdMagic)]) == zstdMagic
}

// zCodec compresses prepared jobs before they are stored and decompresses
// them in the ordered step. Its methods are safe for concurrent use.
type zCodec struct {
	enc *zstd.Encoder
	dec *zstd.Decoder
}

// newZCodec returns a codec for n goroutines compressing at once.
func newZCodec(n int) (*zCodec, error) {
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedFastest), zstd.WithEncoderConcurrency(max(n, 1)), zstd.WithLowerEncoderMem(true))
	if err != nil {
		return nil, fmt.Errorf("prepared jobs' encoder: %w", err)
	}
	dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(maxPrepared), zstd.WithDecoderLowmem(true))
	if err != nil {
		enc.Close()
		return nil, fmt.Errorf("prepared jobs' decoder: %w", err)
	}
	return &zCodec{enc: enc, dec: dec}, nil
}

func (c *zCodec) compress(b []byte) []byte {
	return c.enc.EncodeAll(b, make([]byte, 0, len(b)/4+64))
}

func (c *zCodec) decompress(b []byte) ([]byte, error) {
	return c.dec.DecodeAll(b, nil)
}

func (c *zCodec) close() {
	c.enc.Close()
	c.dec.Close()
}
