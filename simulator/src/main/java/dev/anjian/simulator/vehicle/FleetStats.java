package dev.anjian.simulator.vehicle;

import java.util.concurrent.atomic.LongAdder;

/** What the simulated fleet has done; read by logs, tests and benchmarks. */
public final class FleetStats {

    final LongAdder connects = new LongAdder();
    final LongAdder authenticated = new LongAdder();
    final LongAdder reportsSent = new LongAdder();
    final LongAdder reportsAcked = new LongAdder();
    final LongAdder backfillBatches = new LongAdder();
    final LongAdder refusals = new LongAdder();

    public long connects() { return connects.sum(); }
    public long authenticated() { return authenticated.sum(); }
    public long reportsSent() { return reportsSent.sum(); }
    /** 0x0200 / 0x0704 messages the gateway answered with 0x8001 result 0 (i.e. Kafka has them). */
    public long reportsAcked() { return reportsAcked.sum(); }
    public long backfillBatches() { return backfillBatches.sum(); }
    /** Registration or auth refused, or any 0x8001 with a non-zero result. */
    public long refusals() { return refusals.sum(); }

    @Override
    public String toString() {
        return "connects=" + connects() + " authenticated=" + authenticated() + " reportsSent=" + reportsSent()
                + " reportsAcked=" + reportsAcked() + " backfillBatches=" + backfillBatches() + " refusals=" + refusals();
    }
}
