package dev.anjian.bench.raw;

import dev.anjian.common.Config;
import dev.anjian.common.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link RawBaselines} runs, from its command line ({@code --key value}, keys as below; defaults = the
 * test stack of deploy/local/stack.sh):
 * <pre>
 * --mqtt-url tcp://127.0.0.1:11883   broker of the raw MQTT pipe
 * --influx-url http://127.0.0.1:18086 InfluxDB of the raw writes and the sink (scratch databases, dropped after)
 * --kafka 127.0.0.1:19092            Kafka of the raw produce (scratch topic, deleted after)
 * --duration 30s                     each baseline's run (the MQTT pipe runs twice: 1 and 2 publishers)
 * --runs 1                           repetitions; figures are then the median, the note has min/median/max
 * --only mqtt,influx,sink,kafka      which baselines (default all four)
 * --qos 1                            QoS of the MQTT pipe (the bridge subscribes at 1)
 * --payload-bytes 120                MQTT payload size (a 3-metric telemetry JSON, space-padded)
 * --batch-size 5000                  InfluxDB points per write (influx.batch-size's default)
 * --series 10000                     distinct InfluxDB series (devices) written round robin
 * --out DIR                          also write DIR/report.json, report.png, report.txt
 * </pre>
 */
record RawBaselinesSettings(String mqttUrl, String influxUrl, String kafka, Duration duration, int runs,
                            List<String> only, int qos, int payloadBytes, int batchSize, int series, Path out) {

    static final List<String> BASELINES = List.of("mqtt", "influx", "sink", "kafka");
    private static final Set<String> KEYS = Set.of("mqtt-url", "influx-url", "kafka", "duration", "runs", "only", "qos",
            "payload-bytes", "batch-size", "series", "out");

    static RawBaselinesSettings from(Config config) {
        List<String> only = Arrays.stream(config.string("only", String.join(",", BASELINES)).split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (only.isEmpty() || !BASELINES.containsAll(only)) {
            throw new ConfigException("--only takes a comma list of " + BASELINES + ", was " + only);
        }
        int qos = config.integer("qos", 1, 0);
        if (qos > 1) {
            throw new ConfigException("--qos must be 0 or 1 (the bridge uses 1), was " + qos);
        }
        String out = config.string("out", "");
        return new RawBaselinesSettings(
                config.string("mqtt-url", "tcp://127.0.0.1:11883"),
                config.string("influx-url", "http://127.0.0.1:18086"),
                config.string("kafka", "127.0.0.1:19092"),
                config.positiveDuration("duration", Duration.ofSeconds(30)),
                config.integer("runs", 1, 1), only, qos,
                config.integer("payload-bytes", 120, 1),
                config.integer("batch-size", 5000, 1),
                config.integer("series", 10_000, 1),
                out.isBlank() ? null : Path.of(out));
    }

    /** {@code --key value} pairs as a Config (no environment overrides: the command line is the whole input). */
    static Config parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String key = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!KEYS.contains(key) || i + 1 >= args.length) {
                throw new ConfigException("expected --key value with a key of " + KEYS + ", got '" + args[i] + "'");
            }
            values.put(key, args[i + 1]);
        }
        return Config.of(values, Map.of());
    }

    boolean runs(String baseline) {
        return only.contains(baseline);
    }

    Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("mqtt-url", mqttUrl);
        map.put("influx-url", influxUrl);
        map.put("kafka", kafka);
        map.put("duration", duration.toString());
        map.put("runs", Integer.toString(runs));
        map.put("only", String.join(",", only));
        map.put("qos", Integer.toString(qos));
        map.put("payload-bytes", Integer.toString(payloadBytes));
        map.put("batch-size", Integer.toString(batchSize));
        map.put("series", Integer.toString(series));
        return map;
    }
}
