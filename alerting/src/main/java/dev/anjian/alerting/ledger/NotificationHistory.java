package dev.anjian.alerting.ledger;

import dev.anjian.events.Notification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per alarm, the latest ledger record of each notification (who was told what, when, with which result):
 * what escalation reads to know when each tier was told, what CLEARED notices go to, what the alarm API
 * shows as history, and how delivery receipts find their notification. Bounded to the most recently
 * touched {@code maxAlarms} alarms (open alarms are touched by every notification about them); shared by
 * the poll thread and the API threads, hence synchronised.
 */
public final class NotificationHistory {

    public static final int DEFAULT_MAX_ALARMS = 50_000;

    private final int maxAlarms;
    private final Map<String, Map<String, Notification>> byAlarm;
    private final Map<String, List<String>> alarmsByMessageId;

    public NotificationHistory(int maxAlarms) {
        this.maxAlarms = maxAlarms;
        this.byAlarm = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Map<String, Notification>> eldest) {
                return size() > NotificationHistory.this.maxAlarms;
            }
        };
        this.alarmsByMessageId = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
                return size() > 4 * NotificationHistory.this.maxAlarms;
            }
        };
    }

    public synchronized void record(Notification n) {
        byAlarm.computeIfAbsent(n.alarmId(), id -> new LinkedHashMap<>()).put(n.ledgerKey(), n);
        if (n.providerMessageId() != null) {
            for (String id : n.providerMessageId().split(",")) {
                List<String> alarms = alarmsByMessageId.computeIfAbsent(id, k -> new ArrayList<>());
                if (!alarms.contains(n.alarmId())) {
                    alarms.add(n.alarmId());
                }
            }
        }
    }

    /** A tombstone in the compacted ledger. */
    public synchronized void forget(String ledgerKey) {
        String alarmId = ledgerKey.substring(0, Math.max(0, ledgerKey.indexOf('/')));
        Map<String, Notification> records = byAlarm.get(alarmId);
        if (records != null) {
            records.remove(ledgerKey);
        }
    }

    /** The alarm's notifications in the order first recorded. */
    public synchronized List<Notification> of(String alarmId) {
        Map<String, Notification> records = byAlarm.get(alarmId);
        return records == null ? List.of() : List.copyOf(records.values());
    }

    /** The notifications sent as message {@code id} (one, or all of a storm summary). */
    public synchronized List<Notification> byMessageId(String id) {
        List<Notification> found = new ArrayList<>();
        for (String alarmId : alarmsByMessageId.getOrDefault(id, List.of())) {
            for (Notification n : byAlarm.getOrDefault(alarmId, Map.of()).values()) {
                if (n.providerMessageId() != null && List.of(n.providerMessageId().split(",")).contains(id)) {
                    found.add(n);
                }
            }
        }
        return found;
    }

    public synchronized int alarms() {
        return byAlarm.size();
    }
}
