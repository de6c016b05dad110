package pipeline

import (
	"context"
	"log/slog"
	"runtime/metrics"
	"time"
)

// logStage logs at debug level that a stage ended, with its duration and
// the Go runtime's memory at that point, so that a run's time and memory
// can be told apart by stage (`--log-level debug`).
func logStage(log *slog.Logger, stage string, start time.Time, args ...any) {
	if !log.Enabled(context.Background(), slog.LevelDebug) {
		return
	}
	// The bytes of live and not yet swept heap objects, and every byte the
	// Go runtime has mapped (heap, stacks, free pages not yet returned).
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/memory/classes/total:bytes"}}
	metrics.Read(s)
	mib := func(v metrics.Value) uint64 {
		if v.Kind() != metrics.KindUint64 {
			return 0
		}
		return v.Uint64() >> 20
	}
	log.Debug(stage, append(args, "elapsed", time.Since(start), "heap_mib", mib(s[0].Value), "runtime_mib", mib(s[1].Value))...)
}
