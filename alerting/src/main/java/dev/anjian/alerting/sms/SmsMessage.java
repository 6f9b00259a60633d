package dev.anjian.alerting.sms;

/**
 * One SMS as handed to a provider. The only object that carries a real phone number; its
 * {@link #toString()} masks it, so logging a message never leaks the number.
 */
public record SmsMessage(String recipientId, String phone, String text) {

    public SmsMessage {
        if (phone == null || phone.isBlank()) {
            throw new IllegalArgumentException("an SMS needs a phone number (recipient " + recipientId + ")");
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an SMS needs a text (recipient " + recipientId + ")");
        }
    }

    @Override
    public String toString() {
        return "SmsMessage[recipientId=" + recipientId + ", phone=" + PhoneMask.mask(phone) + ", text=" + text + "]";
    }
}
