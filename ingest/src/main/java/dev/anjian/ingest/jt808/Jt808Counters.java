package dev.anjian.ingest.jt808;

import dev.anjian.ingest.jt808.codec.BadInput;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** What the gateway has done so far; updated from every event loop, read by logs, metrics and tests. */
public final class Jt808Counters {

    private final LongAdder connectionsOpened = new LongAdder();
    private final LongAdder connectionsClosed = new LongAdder();
    private final LongAdder frames = new LongAdder();
    private final LongAdder locationsAcked = new LongAdder();
    private final LongAdder publishFailures = new LongAdder();
    private final LongAdder sessionsReplaced = new LongAdder();
    private final LongAdder idleClosed = new LongAdder();
    private final LongAdder readPauses = new LongAdder();
    private final Map<BadInput, LongAdder> rejected = new EnumMap<>(BadInput.class);

    Jt808Counters() {
        for (BadInput reason : BadInput.values()) {
            rejected.put(reason, new LongAdder());
        }
    }

    void connectionOpened() { connectionsOpened.increment(); }
    void connectionClosed() { connectionsClosed.increment(); }
    void frame() { frames.increment(); }
    void locationsAcked(int n) { locationsAcked.add(n); }
    void publishFailed() { publishFailures.increment(); }
    void sessionReplaced() { sessionsReplaced.increment(); }
    void countIdleClosed() { idleClosed.increment(); }
    void readPaused() { readPauses.increment(); }
    void countRejected(BadInput reason) { rejected.get(reason).increment(); }

    public long openConnections() { return connectionsOpened.sum() - connectionsClosed.sum(); }
    public long frames() { return frames.sum(); }
    /** Location reports (single or in batches) that Kafka acknowledged and the terminal got 0x8001 for. */
    public long locationsAcked() { return locationsAcked.sum(); }
    public long publishFailures() { return publishFailures.sum(); }
    public long sessionsReplaced() { return sessionsReplaced.sum(); }
    public long idleClosed() { return idleClosed.sum(); }
    /** How often a connection stopped reading because Kafka had too many of its reports unacknowledged. */
    public long readPauses() { return readPauses.sum(); }
    public long rejected(BadInput reason) { return rejected.get(reason).sum(); }

    public long rejectedTotal() {
        return rejected.values().stream().mapToLong(LongAdder::sum).sum();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("connections=" + openConnections() + " frames=" + frames()
                + " locationsAcked=" + locationsAcked() + " publishFailures=" + publishFailures()
                + " replaced=" + sessionsReplaced() + " idleClosed=" + idleClosed() + " readPauses=" + readPauses()
                + " rejected={");
        rejected.forEach((reason, n) -> {
            if (n.sum() > 0) {
                s.append(reason).append('=').append(n.sum()).append(' ');
            }
        });
        return s.append('}').toString();
    }
}
