package dev.anjian.alerting.pipeline;

import dev.anjian.alerting.routing.Contact;
import dev.anjian.alerting.sms.PhoneMask;
import dev.anjian.events.AlarmState;
import dev.anjian.events.Notification;
import java.util.ArrayList;
import java.util.List;

/**
 * One SMS the chain decided (or, with {@code contact} null, the record that nobody could be told) to send to one contact, before it is sent: the text and the alarm state
 * changes it covers ({@link Item}s: one, or many for a storm summary; each becomes one ledger record), and
 * the alarm records it comes from ({@link Source}s), whose offsets wait until it is in the ledger.
 * {@link #toString()} masks the phone.
 */
public record Notice(Kind kind, Contact contact, String enterpriseId, String enterpriseLabel, String text,
        List<Item> items, List<Source> sources, long createdAt) {

    public enum Kind { STATE_CHANGE, SUMMARY, ESCALATION, REMINDER }

    /**
     * One alarm state change told to one contact: the ledger key is {@code alarmId/state/ledgerRecipientId}
     * ({@code ledgerRecipientId} is the contact id, or {@code <contact>#reminder-<n>} for a reminder).
     * {@code brief} is the one-line form used in storm summaries.
     */
    public record Item(String alarmId, AlarmState state, String ledgerRecipientId, String brief, long eventTime) {

        public String ledgerKey() {
            return Notification.ledgerKey(alarmId, state, ledgerRecipientId);
        }
    }

    /** An alarm record behind a notice; {@code offset} -1 tags the partition only (escalations, reminders). */
    public record Source(String topic, int partition, long offset) {
    }

    public Notice {
        items = List.copyOf(items);
        sources = List.copyOf(sources);
    }

    /** A storm summary covering every item and source of {@code notices} (all to the same contact). */
    static Notice summary(List<Notice> notices, String text, long createdAt) {
        Notice first = notices.get(0);
        List<Item> items = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        notices.forEach(n -> {
            items.addAll(n.items());
            sources.addAll(n.sources());
        });
        return new Notice(Kind.SUMMARY, first.contact(), first.enterpriseId(), first.enterpriseLabel(), text, items,
                sources, createdAt);
    }

    public List<String> ledgerKeys() {
        return items.stream().map(Item::ledgerKey).toList();
    }

    @Override
    public String toString() {
        String to = contact == null ? "nobody" : contact.id() + " (" + PhoneMask.mask(contact.phone()) + ")";
        return "Notice[" + kind + " to " + to + ", " + items.size() + " item(s), " + ledgerKeys() + "]";
    }
}
