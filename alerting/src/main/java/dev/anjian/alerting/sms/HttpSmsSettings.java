package dev.anjian.alerting.sms;

import java.net.URI;
import java.time.Duration;

/**
 * How to reach an HTTP SMS service (keys {@code sms.http.*}): POST {@code template} rendered as JSON to
 * {@code url} with header {@code authHeader: authValue}. {@link #toString()} shows neither the auth value
 * nor the URL's query (some services put keys there).
 */
public record HttpSmsSettings(URI url, String template, String authHeader, String authValue, Duration timeout,
        String messageIdField) {

    /** scheme://host:port/path: the URL without query or user info, safe for logs. */
    public String endpoint() {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + (url.getPath() == null ? "" : url.getPath());
    }

    @Override
    public String toString() {
        return "HttpSmsSettings[" + endpoint() + ", " + (authValue.isEmpty() ? "no auth header" : authHeader + ": ****")
                + ", timeout " + timeout.toMillis() + "ms, message id field '" + messageIdField + "']";
    }
}
