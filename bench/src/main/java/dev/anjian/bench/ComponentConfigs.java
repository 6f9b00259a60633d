package dev.anjian.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The config files of one phase's services, written into the phase folder. Only what must differ from the
 * shipped defaults (config/*.properties) is set: where the stack is, the phase's unique topic prefix,
 * database, groups and client ids, fresh checkpoints, the SMS peer as HTTP provider, the ports. Every
 * tuning key (parallelism, checkpoint interval, batch sizes, in-flight windows, offline.restore-grace) keeps
 * its product default, so the run measures the product as shipped.
 */
final class ComponentConfigs {

    private ComponentConfigs() {
    }

    static Path ingest(PhaseSetup p, boolean nativeEndpoint) throws IOException {
        Map<String, String> c = common(p);
        c.put("kafka.client-id", p.id() + "-ingest");
        c.put("mqtt.url", p.stack().mqttUrl());
        c.put("mqtt.client-id", p.id());
        c.put("mqtt.share-group", p.id());
        // A unique client id per phase: its session must not outlive the phase and queue later runs' messages.
        c.put("mqtt.session-expiry", "10s");
        c.put("jt808.bind", "127.0.0.1");
        c.put("jt808.port", Integer.toString(p.jt808Port()));
        c.put("jt808.gateway-id", p.id() + "-jt808");
        c.put("mqtt-endpoint.enabled", Boolean.toString(nativeEndpoint));
        c.put("mqtt-endpoint.bind", "127.0.0.1");
        c.put("mqtt-endpoint.port", Integer.toString(p.nativePort()));
        return write(p, "ingest", c);
    }

    static Path jobs(PhaseSetup p) throws IOException {
        return jobs(p, false);
    }

    /** With {@code resume}, the job restarts from the newest checkpoint of the phase's earlier run. */
    static Path jobs(PhaseSetup p, boolean resume) throws IOException {
        Map<String, String> c = common(p);
        c.put("kafka.group-id", p.id());
        c.put("checkpoint.dir", p.dir().resolve("checkpoints").toString());
        c.put("checkpoint.resume", Boolean.toString(resume));
        c.put("flink.tmp-dir", p.dir().resolve("tmp-flink").toString());
        c.put("influx.url", p.stack().influxUrl());
        c.put("influx.database", p.database());
        return write(p, resume ? "jobs-resume" : "jobs", c);
    }

    static Path alerting(PhaseSetup p, Path routing, String smsUrl) throws IOException {
        Map<String, String> c = common(p);
        c.put("alerting.group-id", p.id() + "-alerting");
        c.put("alerting.routing-file", routing.toString());
        c.put("sms.provider", "http");
        c.put("sms.http.url", smsUrl);
        c.put("sms.log-file", p.dir().resolve("sms.log").toString());
        c.put("api.enabled", "false");
        c.put("influx.url", p.stack().influxUrl());
        c.put("influx.database", p.database());
        return write(p, "alerting", c);
    }

    private static Map<String, String> common(PhaseSetup p) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("kafka.bootstrap", p.stack().kafkaBootstrap());
        c.put("topic.prefix", p.topics().prefix());
        return c;
    }

    private static Path write(PhaseSetup p, String service, Map<String, String> values) throws IOException {
        StringBuilder text = new StringBuilder("# written by the bench harness for phase " + p.phase() + "\n");
        values.forEach((k, v) -> text.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        return Files.writeString(p.dir().resolve(service + ".properties"), text, StandardCharsets.UTF_8);
    }
}
