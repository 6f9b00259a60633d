package dev.anjian.alerting.sms;

import java.util.UUID;

/**
 * One SMS as handed to a provider. The only object that carries a real phone number; its
 * {@link #toString()} masks it, so logging a message never leaks the number. {@code reference} is stable
 * across retries of the same SMS (the ledger key), so a gateway that de-duplicates by it never sends twice.
 */
public record SmsMessage(String recipientId, String phone, String text, String reference) {

    public SmsMessage {
        if (phone == null || phone.isBlank()) {
            throw new IllegalArgumentException("an SMS needs a phone number (recipient " + recipientId + ")");
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an SMS needs a text (recipient " + recipientId + ")");
        }
        reference = reference == null || reference.isBlank() ? UUID.randomUUID().toString() : reference;
    }

    public SmsMessage(String recipientId, String phone, String text) {
        this(recipientId, phone, text, null);
    }

    @Override
    public String toString() {
        return "SmsMessage[recipientId=" + recipientId + ", phone=" + PhoneMask.mask(phone) + ", text=" + text
                + ", reference=" + reference + "]";
    }
}
