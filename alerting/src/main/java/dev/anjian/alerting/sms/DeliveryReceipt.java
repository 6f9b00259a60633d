package dev.anjian.alerting.sms;

/**
 * The SMS centre's final word on one message it accepted: {@code status} as the centre says it
 * ({@code DELIVRD}, {@code UNDELIV}, {@code EXPIRED}, {@code REJECTD} ...), {@code doneAt} in epoch millis.
 */
public record DeliveryReceipt(String providerMessageId, String status, long doneAt) {
}
