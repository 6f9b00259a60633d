package dev.anjian.alerting.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.alerting.pipeline.AlertingCounters;
import dev.anjian.events.Notification;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    @Test
    void writesEachMetricWithHelpTypeAndTheProviderLabel() {
        AlertingCounters counters = new AlertingCounters();
        counters.recorded(Notification.Result.SENT);
        counters.recorded(Notification.Result.SENT);
        counters.recorded(Notification.Result.FAILED);
        counters.retried();
        counters.receipt("DELIVRD");
        counters.backlog(7, 12_500, 0);
        String text = PrometheusText.render("smpp", counters.snapshot(), 3);
        assertThat(text).contains("""
                # HELP anjian_alerting_sms_sent_total SMS accepted by the provider (one per recipient and alarm state change).
                # TYPE anjian_alerting_sms_sent_total counter
                anjian_alerting_sms_sent_total{provider="smpp"} 2
                """)
                .contains("anjian_alerting_sms_failed_total{provider=\"smpp\"} 1\n")
                .contains("anjian_alerting_sms_retried_total{provider=\"smpp\"} 1\n")
                .contains("anjian_alerting_sms_backlog{provider=\"smpp\"} 7\n")
                .contains("anjian_alerting_sms_backlog_oldest_age_seconds{provider=\"smpp\"} 12.5\n")
                .contains("anjian_alerting_sms_delivery_receipts_total{provider=\"smpp\",status=\"DELIVRD\"} 1\n")
                .contains("anjian_alerting_open_alarms 3\n");
        assertThat(text.lines().filter(l -> !l.startsWith("#")))
                .allMatch(l -> l.matches("[a-z_]+(\\{[^}]*})? -?[0-9.]+"));
    }
}
