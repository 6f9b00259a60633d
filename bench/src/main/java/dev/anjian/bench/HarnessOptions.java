package dev.anjian.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every setting of a harness run, from the command line ({@link #HELP}); {@code --quick} swaps in a small
 * run's defaults, explicit flags still win. Validated here so that a run fails before it starts anything.
 */
public record HarnessOptions(int sensors, int perEnterprise, double rate, int terminals, Duration terminalInterval,
        Duration duration, Duration warmup, List<String> paths, int breaches, int silences, Duration offlineTimeout,
        Duration breachFor, int connections, int maxInFlight, int deviceInFlight, boolean raw, Duration rawDuration, int drainEvents,
        Duration drainTimeout, BenchStack stack, boolean keep, Path runDir) {

    static final String HELP = """
            LoadHarness - anjian end to end under load, every component in its own process, on one machine

            Usage: bench/run.sh [options]          (bench/run.sh stack start|stop|status: the bench stack)

            Load:
              --sensors N            MQTT gas sensors, 3 metrics (CH4, CO, O2) each      (5000; quick 500)
              --rate N               MQTT messages/s offered by all sensors together      (15000; quick 1500)
              --per-enterprise N     sensors per enterprise                                (10)
              --terminals N          JT/T 808 vehicle terminals                            (500; quick 50)
              --terminal-interval D  time between two location reports of a terminal      (5s)
              --connections N        pooled MQTT connections to the broker                 (50)
              --max-in-flight N      QoS 1 messages awaiting PUBACK per pooled connection  (1000)
              --device-in-flight N   the same per device connection (native endpoint)      (10)
            Run:
              --paths LIST           phases after the raw baselines, in order: broker (sensors -> Mosquitto ->
                                     bridge), native (sensors -> ingest's MQTT endpoint), drain (Kafka backlog
                                     -> job -> InfluxDB sink at full speed)                (broker,native,drain)
              --duration D           load per e2e phase                                    (120s; quick 40s)
              --warmup D             start of the measured window                          (20s; quick 15s)
              --breaches N           sensors breaching CH4 level 1 per phase (RAISED + CLEARED + 2 SMS each) (100; quick 10)
              --breach-for D         how long each breach lasts                            (3s)
              --silences N           sensors falling silent per phase (OFFLINE + 1 SMS each)  (50; quick 5)
              --offline-timeout D    offline timeout of the silenced sensors              (10s)
              --no-raw               skip the raw baselines (raw MQTT pipe, raw InfluxDB writes)
              --raw-duration D       each raw baseline                                     (20s; quick 5s)
              --drain-events N       readings put on Kafka for the drain phase            (2000000; quick 300000)
              --drain-timeout D      longest wait for a drain or for a phase's stragglers  (120s)
            Services:
              --stack bench|test     bench: own stack on 29092/28086/21883 (bench/run.sh stack start);
                                     test: the running test stack on 19092/18086/11883    (bench)
              --kafka HOST:PORT  --influx URL  --mqtt tcp://HOST:PORT   override the stack's addresses
              --keep                 keep the run's topics and InfluxDB databases
              --run-dir DIR          where logs, configs and the report go (run.sh: bench/target/runs/<time>)
              --quick                the small defaults marked above
              -h, --help             this help
            Durations: 500ms, 30s, 5m. Output: progress on stderr, the figures table on stdout, report.json and
            report.png in the run dir.
            """;

    private static final List<String> FLAGS = List.of("sensors", "rate", "per-enterprise", "terminals", "terminal-interval",
            "connections", "max-in-flight", "device-in-flight", "paths", "duration", "warmup", "breaches", "breach-for", "silences",
            "offline-timeout", "raw-duration", "drain-events", "drain-timeout", "stack", "kafka", "influx", "mqtt", "run-dir");
    private static final List<String> SWITCHES = List.of("quick", "keep", "no-raw");

    public HarnessOptions {
        paths = List.copyOf(paths);
        for (String p : paths) {
            if (!List.of("broker", "native", "drain").contains(p)) {
                throw new IllegalArgumentException("--paths takes broker, native and drain, not '" + p + "'");
            }
        }
        if (sensors < 1 || perEnterprise < 1 || rate <= 0 || terminals < 0 || breaches < 0 || silences < 0
                || connections < 1 || maxInFlight < 1 || deviceInFlight < 1 || drainEvents < 1) {
            throw new IllegalArgumentException("counts and rates must be positive (terminals, breaches, silences may be 0)");
        }
        int enterprises = (sensors + perEnterprise - 1) / perEnterprise;
        if (breaches + silences > enterprises) {
            throw new IllegalArgumentException("each breach and silence needs its own enterprise: " + breaches + " + "
                    + silences + " > " + enterprises + " enterprises (--sensors / --per-enterprise)");
        }
        if (warmup.compareTo(duration) >= 0) {
            throw new IllegalArgumentException("--warmup " + warmup.toSeconds() + "s must be shorter than --duration "
                    + duration.toSeconds() + "s");
        }
    }

    /** Parses the flags; throws IllegalArgumentException with a one-line reason. */
    public static HarnessOptions parse(String[] args, Path repoRoot) {
        Map<String, String> v = values(args);
        boolean quick = v.containsKey("quick");
        BenchStack stack = BenchStack.preset(v.getOrDefault("stack", "bench"), repoRoot)
                .with(v.get("kafka"), v.get("influx"), v.get("mqtt"));
        return new HarnessOptions(integer(v, "sensors", quick ? 500 : 5000), integer(v, "per-enterprise", 10),
                number(v, "rate", quick ? 1500 : 15000), integer(v, "terminals", quick ? 50 : 500),
                duration(v, "terminal-interval", "5s"), duration(v, "duration", quick ? "40s" : "120s"),
                duration(v, "warmup", quick ? "15s" : "20s"),
                Arrays.asList(v.getOrDefault("paths", "broker,native,drain").split(",")),
                integer(v, "breaches", quick ? 10 : 100), integer(v, "silences", quick ? 5 : 50),
                duration(v, "offline-timeout", "10s"), duration(v, "breach-for", "3s"), integer(v, "connections", 50),
                integer(v, "max-in-flight", 1000), integer(v, "device-in-flight", 10), !v.containsKey("no-raw"),
                duration(v, "raw-duration", quick ? "5s" : "20s"),
                integer(v, "drain-events", quick ? 300_000 : 2_000_000), duration(v, "drain-timeout", "120s"), stack,
                v.containsKey("keep"), Path.of(v.getOrDefault("run-dir", "bench/target/runs/manual")).toAbsolutePath());
    }

    public static boolean wantsHelp(String[] args) {
        return Arrays.asList(args).contains("-h") || Arrays.asList(args).contains("--help");
    }

    private static Map<String, String> values(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (SWITCHES.contains(flag)) {
                values.put(flag, "true");
            } else if (FLAGS.contains(flag) && i + 1 < args.length) {
                values.put(flag, args[++i]);
            } else {
                throw new IllegalArgumentException("unknown option or missing value: '" + args[i] + "' (see --help)");
            }
        }
        return values;
    }

    private static int integer(Map<String, String> v, String flag, int defaultValue) {
        return (int) number(v, flag, defaultValue);
    }

    private static double number(Map<String, String> v, String flag, double defaultValue) {
        String text = v.get(flag);
        try {
            return text == null ? defaultValue : Double.parseDouble(text.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + flag + " takes a number, was '" + text + "'");
        }
    }

    static Duration duration(Map<String, String> v, String flag, String defaultValue) {
        String text = v.getOrDefault(flag, defaultValue).trim();
        try {
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            long amount = Long.parseLong(text.substring(0, text.length() - 1));
            return switch (text.charAt(text.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> throw new NumberFormatException(text);
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--" + flag + " takes a duration like 500ms, 30s or 5m, was '" + text + "'");
        }
    }

    /** The settings as text, for the report. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("sensors", Integer.toString(sensors));
        m.put("rate", String.format("%.0f msg/s (x3 readings)", rate));
        m.put("per-enterprise", Integer.toString(perEnterprise));
        m.put("terminals", terminals + " every " + terminalInterval.toMillis() + " ms");
        m.put("paths", String.join(",", paths));
        m.put("duration", duration.toSeconds() + "s (warm-up " + warmup.toSeconds() + "s)");
        m.put("breaches", breaches + " x " + breachFor.toMillis() + " ms");
        m.put("silences", silences + ", offline timeout " + offlineTimeout.toSeconds() + "s");
        m.put("connections", connections + " pooled (broker), in-flight " + maxInFlight + "; per device (native) "
                + deviceInFlight);
        m.put("raw", raw ? rawDuration.toSeconds() + "s each" : "skipped");
        m.put("drain-events", Integer.toString(drainEvents));
        m.put("stack", stack.name() + " kafka " + stack.kafkaBootstrap() + " influx " + stack.influxUrl() + " mqtt "
                + stack.mqttUrl());
        return m;
    }
}
