package pipeline

import (
	"context"
	"log/slog"
	"runtime/metrics"
	"time"
)

// memorySamples are the runtime metrics logged at stage boundaries: the
// bytes of live and not yet swept heap objects, and every byte the Go
// runtime has mapped (heap, stacks, free pages not yet returned).
var memorySamples = []string{
	"/memory/classes/heap/objects:bytes",
	"/memory/classes/total:bytes",
}

// logStage logs at debug level that a stage ended, with its duration and
// the Go runtime's memory at that point, so that a run's time and memory
// can be told apart by stage (`--log-level debug`).
func logStage(log *slog.Logger, stage string, start time.Time, args ...any) {
	if !log.Enabled(context.Background(), slog.LevelDebug) {
		return
	}
	s := []metrics.Sample{{Name: memorySamples[0]}, {Name: memorySamples[1]}}
	metrics.Read(s)
	mib := func(v metrics.Value) uint64 {
		if v.Kind() != metrics.KindUint64 {
			return 0
		}
		return v.Uint64() >> 20
	}
	log.Debug(stage, append(args, "elapsed", time.Since(start), "heap_mib", mib(s[0].Value), "runtime_mib", mib(s[1].Value))...)
}
