package dev.anjian.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What alerting did about one alarm state change for one recipient: the notifications ledger, a
 * compacted topic keyed by {@link #ledgerKey()}. Phone numbers never appear here, only the contact's
 * id and a masked number ({@code 138****5678}).
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
        String error) {

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

    public static String ledgerKey(String alarmId, AlarmState state, String recipientId) {
        return alarmId + '/' + state + '/' + recipientId;
    }

    @JsonIgnore
    public String ledgerKey() {
        return ledgerKey(alarmId, alarmState, recipientId);
    }
}
