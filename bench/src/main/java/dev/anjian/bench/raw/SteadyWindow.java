package dev.anjian.bench.raw;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How a baseline turns a running counter into a steady rate: it skips a warm-up (connections, JIT, first
 * batches; 20% of the run, at least 2 s, at most half of it), then counts over the rest of the run.
 * E.g. a 30 s run: warm-up 6 s, rate = (count at 30 s - count at 6 s) / 24 s.
 */
record SteadyWindow(Duration warmUp, Duration measured) {

    static SteadyWindow of(Duration run) {
        if (run.toMillis() < 1_000) {
            throw new IllegalArgumentException("a baseline runs at least 1 s, was " + run);
        }
        long warmUpMs = Math.min(Math.max(2_000, run.toMillis() / 5), run.toMillis() / 2);
        return new SteadyWindow(Duration.ofMillis(warmUpMs), run.minusMillis(warmUpMs));
    }

    /**
     * Blocks for the whole run and returns the counter's rate per second over the measured part; the probe
     * is told when that part starts and ends (e.g. to take CPU figures over the same window).
     */
    Rate measure(LongSupplier counter, Probe probe) throws InterruptedException {
        Thread.sleep(warmUp.toMillis());
        probe.start();
        long startCount = counter.getAsLong();
        long start = System.nanoTime();
        Thread.sleep(measured.toMillis());
        long count = counter.getAsLong() - startCount;
        double seconds = (System.nanoTime() - start) / 1e9;
        probe.end();
        return new Rate(count, seconds);
    }

    Rate measure(LongSupplier counter) throws InterruptedException {
        return measure(counter, Probe.NONE);
    }

    /** Something sampled at the start and the end of the measured window. */
    interface Probe {
        Probe NONE = new Probe() {
            @Override
            public void start() {
            }

            @Override
            public void end() {
            }
        };

        void start();

        void end();

        /** Starts and ends each of {@code probes}, in order. */
        static Probe all(Probe... probes) {
            return new Probe() {
                @Override
                public void start() {
                    for (Probe p : probes) {
                        p.start();
                    }
                }

                @Override
                public void end() {
                    for (Probe p : probes) {
                        p.end();
                    }
                }
            };
        }
    }

    /** A second counter over the same window, e.g. messages published while the main counter counts received. */
    static final class Counter implements Probe {
        private final LongSupplier counter;
        private long atStart;
        private long delta;

        Counter(LongSupplier counter) {
            this.counter = counter;
        }

        @Override
        public void start() {
            atStart = counter.getAsLong();
        }

        @Override
        public void end() {
            delta = counter.getAsLong() - atStart;
        }

        long delta() {
            return delta;
        }
    }

    /** {@code count} in {@code seconds} of steady state. */
    record Rate(long count, double seconds) {
        double perSecond() {
            return seconds > 0 ? count / seconds : 0;
        }
    }
}
