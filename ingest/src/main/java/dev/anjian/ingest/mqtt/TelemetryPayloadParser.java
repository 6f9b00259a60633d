package dev.anjian.ingest.mqtt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.anjian.events.DeviceEvent;
import dev.anjian.events.EventJson;
import dev.anjian.events.Quality;
import dev.anjian.events.SensorReading;
import dev.anjian.ingest.mqtt.TelemetryParseResult.Readings;
import dev.anjian.ingest.mqtt.TelemetryParseResult.Rejection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns one MQTT telemetry message into SENSOR_READING events, or a {@link Rejection} saying why not.
 * A pure function: no broker, no Kafka, never throws for any topic or bytes.
 *
 * <p>Topic {@code anjian/telemetry/{enterpriseId}/{deviceId}}; payload a UTF-8 JSON object, e.g.
 * <pre>{"ts":"2026-11-29 16:00:00","quality":"NORMAL","deviceId":"GAS-0001",
 *  "metrics":{"CH4":0.42,"CO":{"value":3,"unit":"ppm","quality":"CALIBRATING"}}}</pre>
 * <ul>
 * <li>{@code metrics} (required): a non-empty object; each name of ASCII letters, digits, {@code _ . -}, at most
 *     64 characters, each value a finite number or an object {@code {"value":n,"unit":"..","quality":".."}}
 *     whose unit and quality are optional. One event per metric, in payload order.</li>
 * <li>{@code ts} (optional): see {@link TelemetryTime}; absent means {@code receivedAt}.</li>
 * <li>{@code quality} (optional, default NORMAL): a {@link Quality} name, any case; a metric's own quality wins.</li>
 * <li>{@code deviceId} (optional): must equal the topic's device id.</li>
 * </ul>
 * Other fields are ignored. Payloads over {@code maxPayloadBytes} are rejected before parsing; empty
 * payloads, invalid UTF-8 or JSON, non-objects, trailing garbage and duplicate fields are rejected.
 */
public final class TelemetryPayloadParser {

    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 64 * 1024;
    public static final int MAX_METRIC_NAME = 64;

    private static final Pattern METRIC_NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1," + MAX_METRIC_NAME + "}");
    // Duplicate keys would make "CH4" ambiguous; the shared mapper is left untouched, this reader adds the check.
    private static final ObjectReader READER =
            EventJson.mapper().reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final String QUALITIES =
            Arrays.stream(Quality.values()).map(Enum::name).collect(Collectors.joining(", "));

    private TelemetryPayloadParser() {
    }

    /**
     * @param receivedAt when the gateway received the message, UTC epoch ms (> 0); the event time when
     *     the payload has no {@code ts}
     * @param maxPayloadBytes larger payloads are rejected unread
     */
    public static TelemetryParseResult parse(String mqttTopic, byte[] payload, long receivedAt, int maxPayloadBytes) {
        if (receivedAt <= 0) {
            throw new IllegalArgumentException("receivedAt must be epoch milliseconds > 0, was " + receivedAt);
        }
        if (payload == null) {
            payload = new byte[0];
        }
        if (payload.length > maxPayloadBytes) {
            return new Rejection("payload of " + payload.length + " bytes exceeds the limit of " + maxPayloadBytes);
        }
        TelemetryTopic topic = TelemetryTopic.parse(mqttTopic).orElse(null);
        if (topic == null) {
            return new Rejection("topic " + Texts.quoted(String.valueOf(mqttTopic))
                    + " does not match anjian/telemetry/{enterpriseId}/{deviceId}");
        }
        if (payload.length == 0) {
            return new Rejection("empty payload");
        }
        try {
            JsonNode root = readJson(payload);
            return new Readings(topic.enterpriseId(), topic.deviceId(), events(topic, root, receivedAt));
        } catch (PayloadRejected rejected) {
            return new Rejection(rejected.getMessage());
        }
    }

    private static JsonNode readJson(byte[] payload) {
        JsonNode root;
        try {
            root = READER.readTree(payload);
        } catch (IOException e) {
            throw new PayloadRejected("payload is not valid UTF-8 JSON: " + Texts.shorten(firstLine(e.getMessage()), 160));
        }
        if (root == null || root.isMissingNode()) {
            throw new PayloadRejected("payload must be a JSON object, was only whitespace");
        }
        if (!root.isObject()) {
            throw new PayloadRejected("payload must be a JSON object, was " + Texts.shown(root));
        }
        return root;
    }

    private static List<DeviceEvent> events(TelemetryTopic topic, JsonNode root, long receivedAt) {
        checkDeviceId(root.get("deviceId"), topic.deviceId());
        long eventTime = TelemetryTime.read(root.get("ts"), receivedAt);
        Quality messageQuality = quality(root.get("quality"), Quality.NORMAL, "field 'quality'");
        JsonNode metrics = root.get("metrics");
        if (metrics == null || metrics.isNull()) {
            throw new PayloadRejected("missing required field 'metrics'");
        }
        if (!metrics.isObject() || metrics.isEmpty()) {
            throw new PayloadRejected("field 'metrics' must be a non-empty object of metric name to value, was "
                    + Texts.shown(metrics));
        }
        List<DeviceEvent> events = new ArrayList<>(metrics.size());
        for (Map.Entry<String, JsonNode> metric : metrics.properties()) {
            SensorReading reading = reading(metric.getKey(), metric.getValue(), messageQuality);
            events.add(DeviceEvent.reading(topic.deviceId(), eventTime, receivedAt, reading)
                    .withEnterprise(topic.enterpriseId()));
        }
        return events;
    }

    private static SensorReading reading(String name, JsonNode value, Quality messageQuality) {
        if (!METRIC_NAME.matcher(name).matches()) {
            throw new PayloadRejected("metric name " + Texts.quoted(name) + " must be 1 to " + MAX_METRIC_NAME
                    + " letters, digits, '_', '.' or '-'");
        }
        String where = "metric '" + name + "'";
        if (!value.isObject()) {
            return new SensorReading(name, number(value, where), "", messageQuality);
        }
        JsonNode unit = value.get("unit");
        if (unit != null && !unit.isNull() && !unit.isTextual()) {
            throw new PayloadRejected(where + ": 'unit' must be a string, was " + Texts.shown(unit));
        }
        double number = number(value.get("value"), where);
        Quality quality = quality(value.get("quality"), messageQuality, where + ": 'quality'");
        return new SensorReading(name, number, unit == null || unit.isNull() ? "" : unit.textValue(), quality);
    }

    private static double number(JsonNode value, String where) {
        if (value == null || value.isNull()) {
            throw new PayloadRejected(where + ": missing 'value'");
        }
        if (!value.isNumber()) {
            throw new PayloadRejected(where + ": value must be a finite number, was " + Texts.shown(value));
        }
        if (!Double.isFinite(value.doubleValue())) {
            throw new PayloadRejected(where + ": value must be a finite number, was beyond the range of a double");
        }
        return value.doubleValue();
    }

    private static Quality quality(JsonNode node, Quality absent, String where) {
        if (node == null || node.isNull()) {
            return absent;
        }
        if (node.isTextual()) {
            for (Quality quality : Quality.values()) {
                if (quality.name().equalsIgnoreCase(node.textValue().trim())) {
                    return quality;
                }
            }
        }
        throw new PayloadRejected(where + " " + Texts.shown(node) + " is not one of " + QUALITIES);
    }

    private static void checkDeviceId(JsonNode deviceId, String topicDeviceId) {
        if (deviceId != null && !deviceId.isNull()
                && !(deviceId.isTextual() && deviceId.textValue().equals(topicDeviceId))) {
            throw new PayloadRejected("field 'deviceId' " + Texts.shown(deviceId)
                    + " does not match the topic's device id '" + topicDeviceId + "'");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
