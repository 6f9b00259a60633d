package dev.anjian.alerting.book;

import dev.anjian.events.AlarmCommand;
import dev.anjian.events.AlarmEvent;
import dev.anjian.events.AlarmState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * The latest state of every alarm, built from the alarms topic (latest event per alarm id) and the
 * alarm-commands topic (acknowledge, handle), restored at startup by reading both. Bounds: every open
 * alarm is kept (an alarm is open until CLEARED or HANDLED; forgetting one would stop its escalation),
 * closed alarms only the {@code maxClosed} most recently closed, at most {@value #MAX_CHANGES} history
 * lines per alarm, and up to {@code maxClosed} commands that arrived before their alarm. Fed by the
 * follower thread and the poll thread (both may apply the same record: the newer offset wins), read by
 * the API threads, hence synchronised.
 */
public final class AlarmBook {

    static final int MAX_CHANGES = 100;

    private static final class Mutable {
        AlarmEvent alarm;
        int partition;
        long offset = -1;
        final List<AlarmEntry.Change> changes = new ArrayList<>();
        String acknowledgedBy;
        Long acknowledgedAt;
        String handledBy;
        Long handledAt;

        AlarmEntry snapshot() {
            return new AlarmEntry(alarm, partition, offset, changes, acknowledgedBy, acknowledgedAt, handledBy, handledAt);
        }

        void change(AlarmEntry.Change change) {
            if (changes.size() < MAX_CHANGES) {
                changes.add(change);
            }
        }
    }

    private final int maxClosed;
    private final Map<String, Mutable> open = new HashMap<>();
    private final Map<String, Mutable> closed;
    private final Map<String, List<AlarmCommand>> early;

    public AlarmBook(int maxClosed) {
        this.maxClosed = maxClosed;
        this.closed = bounded();
        this.early = bounded();
    }

    private <V> Map<String, V> bounded() {
        return new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > maxClosed;
            }
        };
    }

    public synchronized void apply(AlarmEvent event, int partition, long offset) {
        Mutable m = open.containsKey(event.alarmId()) ? open.get(event.alarmId()) : closed.get(event.alarmId());
        if (m == null) {
            m = new Mutable();
        } else if (m.partition == partition && offset <= m.offset) {
            return;
        }
        m.alarm = event;
        m.partition = partition;
        m.offset = offset;
        m.change(new AlarmEntry.Change(event.state().name(), event.eventTime(), event.level(), event.value(),
                event.operator(), event.note()));
        if (event.state() == AlarmState.ACKNOWLEDGED && m.acknowledgedBy == null) {
            m.acknowledgedBy = event.operator() == null ? "" : event.operator();
            m.acknowledgedAt = event.eventTime();
        }
        if (event.state() == AlarmState.HANDLED && m.handledBy == null) {
            m.handledBy = event.operator() == null ? "" : event.operator();
            m.handledAt = event.eventTime();
        }
        for (AlarmCommand command : early.getOrDefault(event.alarmId(), List.of())) {
            applyTo(m, command);
        }
        early.remove(event.alarmId());
        file(event.alarmId(), m);
    }

    public synchronized void apply(AlarmCommand command) {
        if (command.type() == AlarmCommand.Type.SUPPRESS) {
            return;
        }
        Mutable m = open.containsKey(command.alarmId()) ? open.get(command.alarmId()) : closed.get(command.alarmId());
        if (m == null) {
            early.computeIfAbsent(command.alarmId(), id -> new ArrayList<>()).add(command);
            return;
        }
        applyTo(m, command);
        file(command.alarmId(), m);
    }

    private static void applyTo(Mutable m, AlarmCommand command) {
        boolean handle = command.type() == AlarmCommand.Type.HANDLE;
        if (handle ? m.handledBy != null : m.acknowledgedBy != null) {
            return;
        }
        m.change(new AlarmEntry.Change(command.type().name() + " command", command.issuedAt(), m.alarm.level(),
                m.alarm.value(), command.operator(), command.note()));
        if (handle) {
            m.handledBy = command.operator();
            m.handledAt = command.issuedAt();
        }
        if (m.acknowledgedBy == null) {
            m.acknowledgedBy = command.operator();
            m.acknowledgedAt = command.issuedAt();
        }
    }

    private void file(String alarmId, Mutable m) {
        if (m.snapshot().open()) {
            closed.remove(alarmId);
            open.put(alarmId, m);
        } else {
            open.remove(alarmId);
            closed.put(alarmId, m);
        }
    }

    public synchronized Optional<AlarmEntry> get(String alarmId) {
        Mutable m = open.containsKey(alarmId) ? open.get(alarmId) : closed.get(alarmId);
        return Optional.ofNullable(m).map(Mutable::snapshot);
    }

    public synchronized List<AlarmEntry> open() {
        return open.values().stream().map(Mutable::snapshot).toList();
    }

    /** Open, unacknowledged alarms on partitions this instance owns: the ones it may escalate. */
    public synchronized List<AlarmEntry> awaitingAcknowledgement(IntPredicate ownsPartition) {
        return open.values().stream().filter(m -> ownsPartition.test(m.partition)).map(Mutable::snapshot)
                .filter(AlarmEntry::awaitingAcknowledgement).toList();
    }

    public synchronized int openCount() {
        return open.size();
    }

    public synchronized int closedCount() {
        return closed.size();
    }
}
