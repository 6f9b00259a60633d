package dev.anjian.jobs.bench;

import dev.anjian.events.DeviceEvent;
import dev.anjian.events.EventJson;

/**
 * CPU cost of the throughput benchmark's generator, split: EventJson write (the bench's own, production
 * never writes device events) and read (what the Kafka source does per record), on one thread, after a
 * warm-up, for the same events {@link ThroughputBench} generates. Arguments: events (default 2,000,000).
 */
public final class JsonCostBench {

    public static void main(String[] args) {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 2_000_000L;
        ThroughputBench.JsonEvents generator = new ThroughputBench.JsonEvents();
        measure(generator, events / 4); // warm-up: JIT
        long[] nanos = measure(generator, events);
        System.out.printf("events=%d write ns/event=%.0f read ns/event=%.0f (read alone: %.0f events/s per core)%n",
                events, (double) nanos[0] / events, (double) nanos[1] / events, events / (nanos[1] / 1e9));
    }

    /** Nanoseconds spent writing and reading {@code events} generated events. */
    private static long[] measure(ThroughputBench.JsonEvents generator, long events) {
        long write = 0;
        long read = 0;
        long checksum = 0;
        for (long n = 0; n < events; n++) {
            DeviceEvent event = generator.event(n);
            long t0 = System.nanoTime();
            byte[] bytes = EventJson.write(event);
            long t1 = System.nanoTime();
            checksum += EventJson.read(bytes, DeviceEvent.class).eventTime();
            read += System.nanoTime() - t1;
            write += t1 - t0;
        }
        if (checksum == 42) { // keeps the JIT from dropping the reads
            System.out.println();
        }
        return new long[] {write, read};
    }

    private JsonCostBench() {
    }
}
