package dev.anjian.alerting.pipeline;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which alarm offsets may be committed: a record is done once it was handled and every notice made from it
 * is in the ledger. Per partition the commit position is the lowest record still held, or the one after
 * the last handled record when none is held. Example: handled 10..14, notices of 12 waiting -> commit 12.
 * Poll thread only.
 */
public final class OffsetTracker {

    private static final class Progress {
        final TreeMap<Long, Integer> held = new TreeMap<>();
        long next = -1;
        long committed;

        long position() {
            return held.isEmpty() ? next : Math.min(held.firstKey(), next);
        }
    }

    private final Map<TopicPartition, Progress> partitions = new HashMap<>();

    public void hold(Notice.Source source) {
        if (source.offset() >= 0) {
            progress(source).held.merge(source.offset(), 1, Integer::sum);
        }
    }

    public void release(List<Notice.Source> sources) {
        for (Notice.Source source : sources) {
            Progress p = partitions.get(new TopicPartition(source.topic(), source.partition()));
            if (p != null && source.offset() >= 0) {
                p.held.computeIfPresent(source.offset(), (offset, count) -> count == 1 ? null : count - 1);
            }
        }
    }

    /** The record was taken through the chain (its notices are held separately). */
    public void handled(Notice.Source source) {
        Progress p = progress(source);
        p.next = Math.max(p.next, source.offset() + 1);
    }

    /** Positions that moved since the last call; the caller commits them. */
    public Map<TopicPartition, OffsetAndMetadata> committable() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        partitions.forEach((tp, p) -> {
            long position = p.position();
            if (position > p.committed) {
                offsets.put(tp, new OffsetAndMetadata(position));
            }
        });
        return offsets;
    }

    public void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((tp, o) -> {
            Progress p = partitions.get(tp);
            if (p != null) {
                p.committed = Math.max(p.committed, o.offset());
            }
        });
    }

    public void forget(Collection<TopicPartition> revoked) {
        revoked.forEach(partitions::remove);
    }

    public int held() {
        return partitions.values().stream().mapToInt(p -> p.held.values().stream().mapToInt(Integer::intValue).sum()).sum();
    }

    private Progress progress(Notice.Source source) {
        return partitions.computeIfAbsent(new TopicPartition(source.topic(), source.partition()), tp -> new Progress());
    }
}
