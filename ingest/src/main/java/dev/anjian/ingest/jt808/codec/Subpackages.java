package dev.anjian.ingest.jt808.codec;

import dev.anjian.ingest.jt808.codec.FrameResult.Frame;
import dev.anjian.ingest.jt808.message.ResendRequest;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reassembles subpackaged messages of one connection (808-2013 §7.12, §8.4): packets of one message have
 * consecutive serials, so the message is keyed by id and the first packet's serial. A message still missing
 * packets after the timeout gets one 0x8003 re-request for them; still incomplete after a second timeout it
 * is dropped and reported. Bounded: at most {@code maxPending} messages of at most {@code maxPackets}
 * packets. Time is an input; not thread-safe (one connection's event loop owns it).
 */
public final class Subpackages {

    /** The outcome of one packet. */
    public sealed interface Offer {
    }

    public record Incomplete() implements Offer {
    }

    /** All packets arrived: one frame with the joined body, the first packet's header (not subpackaged). */
    public record Complete(Frame frame) implements Offer {
    }

    public record Refused(String detail) implements Offer {
    }

    /** A message past its deadline: re-request {@code missing} (first time) or give it up ({@code request} null). */
    public record Overdue(Header firstHeader, ResendRequest request, String detail, byte[] raw) {
    }

    private final int maxPending;
    private final int maxPackets;
    private final long timeoutMillis;
    private final Map<String, Pending> pending = new LinkedHashMap<>();

    public Subpackages(int maxPending, int maxPackets, long timeoutMillis) {
        this.maxPending = maxPending;
        this.maxPackets = maxPackets;
        this.timeoutMillis = timeoutMillis;
    }

    public Offer offer(Frame packet, long nowMillis) {
        Header h = packet.header();
        int total = h.packetTotal();
        int number = h.packetNumber();
        if (total < 1 || number < 1 || number > total) {
            return new Refused("packet " + number + " of " + total + " is impossible");
        }
        if (total > maxPackets) {
            return new Refused("message of " + total + " packets exceeds the limit of " + maxPackets);
        }
        int firstSerial = (h.serial() - (number - 1)) & 0xFFFF;
        String key = h.messageId() + "/" + firstSerial;
        Pending p = pending.get(key);
        if (p == null) {
            if (pending.size() >= maxPending) {
                return new Refused(pending.size() + " subpackaged messages already pending");
            }
            p = new Pending(firstSerial, total, nowMillis + timeoutMillis);
            pending.put(key, p);
        } else if (p.total != total) {
            return new Refused("packet says " + total + " packets, earlier packets said " + p.total);
        }
        p.packets.put(number, packet);
        if (p.packets.size() < total) {
            return new Incomplete();
        }
        pending.remove(key);
        return new Complete(p.join());
    }

    /** Messages whose deadline passed at {@code nowMillis}: each is re-requested once, then given up. */
    public List<Overdue> overdue(long nowMillis) {
        List<Overdue> out = new ArrayList<>();
        for (Iterator<Pending> it = pending.values().iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (nowMillis < p.deadline) {
                continue;
            }
            Header first = p.packets.firstEntry().getValue().header();
            if (!p.requested) {
                p.requested = true;
                p.deadline = nowMillis + timeoutMillis;
                out.add(new Overdue(first, new ResendRequest(p.firstSerial, p.missing()), "re-requested", p.raw()));
            } else {
                it.remove();
                out.add(new Overdue(first, null, "packets " + p.missing() + " of " + p.total
                        + " never arrived after a re-request", p.raw()));
            }
        }
        return out;
    }

    public int pendingCount() {
        return pending.size();
    }

    private static final class Pending {
        final int firstSerial;
        final int total;
        final TreeMap<Integer, Frame> packets = new TreeMap<>();
        long deadline;
        boolean requested;

        Pending(int firstSerial, int total, long deadline) {
            this.firstSerial = firstSerial;
            this.total = total;
            this.deadline = deadline;
        }

        List<Integer> missing() {
            List<Integer> missing = new ArrayList<>();
            for (int i = 1; i <= total; i++) {
                if (!packets.containsKey(i)) {
                    missing.add(i);
                }
            }
            return missing;
        }

        byte[] raw() {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            packets.values().forEach(f -> raw.writeBytes(f.raw()));
            return raw.toByteArray();
        }

        Frame join() {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            packets.values().forEach(f -> body.writeBytes(f.body()));
            Header h = packets.firstEntry().getValue().header();
            Header joined = new Header(h.messageId(), body.size(), h.encryption(), false, h.version2019(),
                    h.protocolVersion(), h.phone(), firstSerial, 0, 0);
            return new Frame(joined, body.toByteArray(), raw());
        }
    }
}
