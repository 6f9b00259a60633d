package dev.anjian.alerting.pipeline;

import java.util.OptionalInt;

/**
 * The recipient part of ledger keys besides plain contact ids: {@code none} (no tier-1 contact: the alarm
 * is recorded FAILED), {@code none.tier2} / {@code none.tier3} (an escalation step that found nobody,
 * recorded SKIPPED so the next tier's clock can start), and {@code <contact>#reminder-<n>} (the n-th
 * reminder). Contact ids cannot contain '#', so these never collide with a contact.
 */
public final class LedgerRecipients {

    public static final String NONE = "none";
    private static final String REMINDER = "#reminder-";

    private LedgerRecipients() {
    }

    public static String nobodyAt(int tier) {
        return tier <= 1 ? NONE : NONE + ".tier" + tier;
    }

    /** The tier a "nobody" marker stands for, if {@code id} is one. */
    public static OptionalInt markerTier(String id) {
        if (id.equals(NONE)) {
            return OptionalInt.of(1);
        }
        if (id.startsWith(NONE + ".tier")) {
            return OptionalInt.of(Integer.parseInt(id.substring((NONE + ".tier").length())));
        }
        return OptionalInt.empty();
    }

    public static String reminder(String contactId, int number) {
        return contactId + REMINDER + number;
    }

    /** The reminder number of {@code id}, 0 when it is not a reminder. */
    public static int reminderNumber(String id) {
        int at = id.indexOf(REMINDER);
        return at < 0 ? 0 : Integer.parseInt(id.substring(at + REMINDER.length()));
    }

    /** The contact id behind a ledger recipient id: {@code E-HN-COAL-01.safety#reminder-2 -> E-HN-COAL-01.safety}. */
    public static String contactOf(String id) {
        int at = id.indexOf('#');
        return at < 0 ? id : id.substring(0, at);
    }
}
