package dev.anjian.alerting.pipeline;

import dev.anjian.events.Notification;

/** What the {@link Sender} achieved for one SMS after all its attempts. */
public record Delivery(Notification.Result result, int attempts, String providerMessageId, String error) {
}
