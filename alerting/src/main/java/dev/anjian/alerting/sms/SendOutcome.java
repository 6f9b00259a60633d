package dev.anjian.alerting.sms;

/**
 * What a provider says about one send: {@link Kind#OK} with the provider's message id, or a failure
 * classified as {@link Kind#RETRYABLE} (throttled, connection lost: try again later) or {@link Kind#FATAL}
 * (invalid number, rejected content: trying again cannot help).
 */
public record SendOutcome(Kind kind, String providerMessageId, String reason) {

    public enum Kind { OK, RETRYABLE, FATAL }

    public SendOutcome {
        if (kind == null) {
            throw new IllegalArgumentException("a send outcome needs a kind");
        }
        if (kind == Kind.OK && (providerMessageId == null || providerMessageId.isBlank())) {
            throw new IllegalArgumentException("an OK outcome needs the provider's message id");
        }
        if (kind != Kind.OK && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a " + kind + " outcome needs a reason");
        }
    }

    public static SendOutcome ok(String providerMessageId) {
        return new SendOutcome(Kind.OK, providerMessageId, null);
    }

    public static SendOutcome retryable(String reason) {
        return new SendOutcome(Kind.RETRYABLE, null, reason);
    }

    public static SendOutcome fatal(String reason) {
        return new SendOutcome(Kind.FATAL, null, reason);
    }
}
