package dev.anjian.bench.load;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What the generator actually sent for the ground truth, in epoch milliseconds (the payload's {@code ts}):
 * per sensor the first breaching reading, the first normal reading after the breach (the one that clears),
 * and the last reading of all. Written by the generator's event-loop threads, read by the matcher; 0 = none.
 */
public final class IncidentLog {

    private final AtomicLongArray firstBreach;
    private final AtomicLongArray firstClear;
    private final AtomicLongArray lastPublish;

    public IncidentLog(int sensors) {
        firstBreach = new AtomicLongArray(sensors);
        firstClear = new AtomicLongArray(sensors);
        lastPublish = new AtomicLongArray(sensors);
    }

    public void breachSent(int sensor, long ts) {
        firstBreach.compareAndSet(sensor, 0, ts);
    }

    public void normalSentAfterBreach(int sensor, long ts) {
        if (firstBreach.get(sensor) != 0) {
            firstClear.compareAndSet(sensor, 0, ts);
        }
    }

    public void sent(int sensor, long ts) {
        lastPublish.lazySet(sensor, ts);
    }

    public long firstBreach(int sensor) {
        return firstBreach.get(sensor);
    }

    public long firstClear(int sensor) {
        return firstClear.get(sensor);
    }

    public long lastPublish(int sensor) {
        return lastPublish.get(sensor);
    }
}
