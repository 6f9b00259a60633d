package dev.anjian.alerting.metrics;

import dev.anjian.alerting.pipeline.AlertingCounters;
import java.util.Map;

/**
 * The alerting counters in the Prometheus text exposition format (0.0.4), written by hand: one
 * {@code # HELP}/{@code # TYPE} pair per metric, SMS metrics labelled with the provider. Example line:
 * {@code anjian_alerting_sms_sent_total{provider="smpp"} 42}.
 */
public final class PrometheusText {

    private PrometheusText() {
    }

    public static String render(String provider, AlertingCounters.Snapshot s, int openAlarms) {
        String p = "{provider=\"" + escape(provider) + "\"}";
        StringBuilder out = new StringBuilder();
        metric(out, "anjian_alerting_sms_sent_total", "counter", "SMS accepted by the provider (one per recipient and alarm state change).", p, s.sent());
        metric(out, "anjian_alerting_sms_failed_total", "counter", "Notifications recorded FAILED (fatal provider answer, nobody to tell, or attempts exhausted).", p, s.failed());
        metric(out, "anjian_alerting_sms_skipped_total", "counter", "Notifications recorded SKIPPED (back-filled alarms, escalation tiers with nobody).", p, s.skipped());
        metric(out, "anjian_alerting_sms_retried_total", "counter", "Send attempts answered RETRYABLE (throttled, unreachable, 5xx).", p, s.retried());
        metric(out, "anjian_alerting_sms_backlog", "gauge", "SMS waiting to be sent or recorded.", p, s.backlog());
        metric(out, "anjian_alerting_sms_backlog_oldest_age_seconds", "gauge", "Age of the oldest SMS waiting to be sent.", p,
                s.backlogOldestMillis() / 1000.0);
        metric(out, "anjian_alerting_sms_held_for_grouping", "gauge", "SMS held for a storm summary.", p, s.held());
        out.append("# HELP anjian_alerting_sms_delivery_receipts_total Delivery receipts from the SMS centre by final state.\n")
                .append("# TYPE anjian_alerting_sms_delivery_receipts_total counter\n");
        for (Map.Entry<String, Long> r : s.receipts().entrySet()) {
            out.append("anjian_alerting_sms_delivery_receipts_total{provider=\"").append(escape(provider))
                    .append("\",status=\"").append(escape(r.getKey())).append("\"} ").append(r.getValue()).append('\n');
        }
        metric(out, "anjian_alerting_alarms_seen_total", "counter", "Alarm state changes read from Kafka.", "", s.alarms());
        metric(out, "anjian_alerting_duplicates_total", "counter", "Notifications not repeated because the ledger or the outbox has them.", "", s.duplicates());
        metric(out, "anjian_alerting_rejected_total", "counter", "Alarm records dead-lettered as unreadable.", "", s.rejected());
        metric(out, "anjian_alerting_storm_summaries_total", "counter", "Storm summary SMS.", "", s.summaries());
        metric(out, "anjian_alerting_storm_grouped_total", "counter", "Alarm changes folded into storm summaries.", "", s.grouped());
        metric(out, "anjian_alerting_escalations_total", "counter", "SMS to a further tier for an unacknowledged alarm.", "", s.escalations());
        metric(out, "anjian_alerting_reminders_total", "counter", "Reminder SMS for unacknowledged alarms.", "", s.reminders());
        metric(out, "anjian_alerting_influx_points_written_total", "counter", "Notification points written to InfluxDB for the dashboards.", "", s.influxWritten());
        metric(out, "anjian_alerting_influx_points_failed_total", "counter", "Notification points dropped (InfluxDB unavailable after retries, or queue full); the ledger keeps them.", "", s.influxFailed());
        metric(out, "anjian_alerting_open_alarms", "gauge", "Open alarms known to alerting.", "", openAlarms);
        return out.toString();
    }

    private static void metric(StringBuilder out, String name, String type, String help, String labels, double value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(' ').append(type).append('\n')
                .append(name).append(labels).append(' ').append(format(value)).append('\n');
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    private static String escape(String label) {
        return label.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
