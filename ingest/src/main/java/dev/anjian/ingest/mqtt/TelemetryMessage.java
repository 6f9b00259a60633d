package dev.anjian.ingest.mqtt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anjian.events.EventJson;
import dev.anjian.events.Quality;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An enterprise sensor's MQTT telemetry message in its canonical form, as a device (or the simulator)
 * publishes it. Topic {@code anjian/telemetry/{enterpriseId}/{deviceId}}, QoS 1, payload e.g.
 * <pre>{"ts":1764374400000,"quality":"NORMAL","metrics":{"NH3":12.5,"TEMP":4.1}}</pre>
 * {@code ts} is epoch milliseconds (parsers also take ISO-8601 and GMT+8 local time); one message may
 * carry several metrics; {@code quality} applies to all of them. See README "MQTT telemetry".
 */
public record TelemetryMessage(String enterpriseId, String deviceId, long ts, Quality quality, Map<String, Double> metrics) {

    public static final String TOPIC_ROOT = "anjian/telemetry";

    public TelemetryMessage {
        metrics = new LinkedHashMap<>(metrics);
    }

    public static String topic(String enterpriseId, String deviceId) {
        return TOPIC_ROOT + '/' + enterpriseId + '/' + deviceId;
    }

    public String topic() {
        return topic(enterpriseId, deviceId);
    }

    public byte[] payload() {
        ObjectNode root = EventJson.mapper().createObjectNode();
        root.put("ts", ts);
        root.put("quality", quality.name());
        ObjectNode values = root.putObject("metrics");
        metrics.forEach(values::put);
        return EventJson.write(root);
    }
}
