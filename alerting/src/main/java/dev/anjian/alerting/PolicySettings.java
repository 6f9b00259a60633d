package dev.anjian.alerting;

import java.time.Duration;

/**
 * Storm grouping and escalation (keys {@code alerting.storm-*}, {@code alerting.escalation-*},
 * {@code alerting.reminder-*}); zero durations switch a step off.
 */
public record PolicySettings(Duration stormWindow, int stormMaxIndividual, Duration tier2After, Duration tier3After,
        Duration reminderInterval, int reminderMax) {
}
