package dev.anjian.alerting.sms;

import java.util.List;

/**
 * Removes secrets (passwords, auth header values) from text that may reach a log or the ledger, such as
 * an exception message from a library. Blank secrets are ignored.
 */
public final class Redaction {

    private final List<String> secrets;

    public Redaction(String... secrets) {
        this.secrets = java.util.Arrays.stream(secrets).filter(s -> s != null && !s.isBlank()).toList();
    }

    public String apply(String text) {
        if (text == null) {
            return "";
        }
        String clean = text;
        for (String secret : secrets) {
            clean = clean.replace(secret, "****");
        }
        return clean;
    }
}
