package dev.anjian.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What alerting did about one alarm state change for one recipient: the notifications ledger, a
 * compacted topic keyed by {@link #ledgerKey()}. Phone numbers never appear here, only the contact's
 * id and a masked number ({@code 138****5678}). {@code delivery} and {@code deliveredAt} are set
 * when the SMS centre's delivery receipt arrives (e.g. {@code DELIVRD}, {@code UNDELIV}); the record is
 * then re-written under the same key, so the compacted ledger keeps the final outcome.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Notification(
        String alarmId,
        AlarmState alarmState,
        String recipientId,
        String recipientMasked,
        String enterpriseId,
        String provider,
        Result result,
        String text,
        long attemptedAt,
        int attempts,
        String providerMessageId,
        String error,
        String delivery,
        Long deliveredAt) {

    public enum Result {
        SENT,
        /** Not sent on purpose, e.g. an alarm from back-filled data: recorded, no live SMS. */
        SKIPPED,
        FAILED
    }

    public Notification {
        Require.text(alarmId, "alarmId");
        Require.present(alarmState, "alarmState");
        Require.text(recipientId, "recipientId");
        Require.text(enterpriseId, "enterpriseId");
        Require.text(provider, "provider");
        Require.present(result, "result");
        Require.epochMillis(attemptedAt, "attemptedAt");
    }

    /** A notification without a delivery receipt (yet). */
    public Notification(String alarmId, AlarmState alarmState, String recipientId, String recipientMasked,
            String enterpriseId, String provider, Result result, String text, long attemptedAt, int attempts,
            String providerMessageId, String error) {
        this(alarmId, alarmState, recipientId, recipientMasked, enterpriseId, provider, result, text, attemptedAt,
                attempts, providerMessageId, error, null, null);
    }

    /** The same notification with the SMS centre's final delivery state. */
    public Notification withDelivery(String state, long at) {
        return new Notification(alarmId, alarmState, recipientId, recipientMasked, enterpriseId, provider, result, text,
                attemptedAt, attempts, providerMessageId, error, state, at);
    }

    public static String ledgerKey(String alarmId, AlarmState state, String recipientId) {
        return alarmId + '/' + state + '/' + recipientId;
    }

    @JsonIgnore
    public String ledgerKey() {
        return ledgerKey(alarmId, alarmState, recipientId);
    }
}
