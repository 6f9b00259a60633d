package dev.anjian.alerting.api;

import dev.anjian.alerting.book.AlarmEntry;
import dev.anjian.events.AlarmEvent;
import dev.anjian.events.Notification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of the alarm API, as maps in a fixed field order. Phone numbers appear only masked
 * (the ledger holds nothing else).
 */
final class AlarmViews {

    private AlarmViews() {
    }

    static Map<String, Object> summary(AlarmEntry entry) {
        AlarmEvent a = entry.alarm();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("alarmId", a.alarmId());
        view.put("state", a.state().name());
        view.put("open", entry.open());
        view.put("acknowledged", entry.acknowledged());
        view.put("acknowledgedBy", entry.acknowledgedBy());
        view.put("acknowledgedAt", entry.acknowledgedAt());
        view.put("handled", entry.handled());
        view.put("handledBy", entry.handledBy());
        view.put("handledAt", entry.handledAt());
        view.put("type", a.type().name());
        view.put("rule", a.rule());
        view.put("deviceId", a.deviceId());
        view.put("enterpriseId", a.enterpriseId());
        view.put("enterpriseName", a.enterpriseName());
        view.put("regionCode", a.regionCode());
        view.put("industry", a.industry().name());
        view.put("location", a.location());
        view.put("metric", a.metric());
        view.put("unit", a.unit());
        view.put("level", a.level());
        view.put("value", a.value());
        view.put("threshold", a.threshold());
        view.put("episodeStart", a.episodeStart());
        view.put("eventTime", a.eventTime());
        view.put("backfilled", a.backfilled());
        return view;
    }

    static Map<String, Object> detail(AlarmEntry entry, List<Notification> notifications) {
        Map<String, Object> view = summary(entry);
        view.put("history", entry.changes().stream().map(c -> {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("what", c.what());
            change.put("at", c.at());
            change.put("level", c.level());
            change.put("value", c.value());
            change.put("operator", c.operator());
            change.put("note", c.note());
            return change;
        }).toList());
        view.put("notifications", notifications.stream().map(n -> {
            Map<String, Object> sms = new LinkedHashMap<>();
            sms.put("alarmState", n.alarmState().name());
            sms.put("recipientId", n.recipientId());
            sms.put("recipient", n.recipientMasked());
            sms.put("result", n.result().name());
            sms.put("attemptedAt", n.attemptedAt());
            sms.put("attempts", n.attempts());
            sms.put("provider", n.provider());
            sms.put("providerMessageId", n.providerMessageId());
            sms.put("delivery", n.delivery());
            sms.put("error", n.error());
            sms.put("text", n.text());
            return sms;
        }).toList());
        return view;
    }
}
