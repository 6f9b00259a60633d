package dev.anjian.jobs;

import dev.anjian.common.Config;
import dev.anjian.common.ConfigException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The program arguments of a job's {@code main} when it is submitted to a Flink cluster ({@code flink run},
 * REST {@code /jars/<id>/run}): where its settings come from. The main runs inside the JobManager, so a
 * file must be readable there and the JobManager's environment applies:
 * <pre>
 * --config /srv/anjian/config/jobs.properties --set kafka.bootstrap=10.0.0.5:9092 --set parallelism=4
 * </pre>
 * Precedence: {@code --set} over the {@code ANJIAN_*} environment over the file over the defaults. A single
 * bare argument is read as the file (the older form {@code MonitoringJob jobs.properties}).
 */
public record JobArgs(Optional<Path> configFile, Map<String, String> overrides) {

    public JobArgs {
        overrides = Map.copyOf(overrides);
    }

    public static JobArgs parse(String... args) {
        Path file = null;
        Map<String, String> overrides = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--config" -> file = Path.of(value(args, ++i, arg));
                case "--set" -> {
                    String pair = value(args, ++i, arg);
                    int eq = pair.indexOf('=');
                    if (eq <= 0) {
                        throw new ConfigException("--set needs key=value, was '" + pair + "'");
                    }
                    overrides.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                }
                default -> {
                    if (arg.startsWith("--") || args.length != 1) {
                        throw new ConfigException("unknown program argument '" + arg + "' (expected --config <file>"
                                + " and --set key=value)");
                    }
                    file = Path.of(arg);
                }
            }
        }
        return new JobArgs(Optional.ofNullable(file), overrides);
    }

    /**
     * The job's configuration: the file (if any) with {@code env} as overrides, and every {@code --set} as
     * an override above the environment (passed as its {@code ANJIAN_*} variable, so Config's one override
     * rule covers both).
     */
    public Config config(Map<String, String> env) {
        Map<String, String> effective = new LinkedHashMap<>(env);
        overrides.forEach((key, value) -> effective.put(Config.envName(key), value));
        return configFile.map(file -> Config.load(file, effective)).orElseGet(() -> Config.of(Map.of(), effective));
    }

    /** Whether {@code key} has a value at all (from the file, the environment or {@code --set}). */
    public static boolean isSet(Config config, String key) {
        return !config.string(key, "").isEmpty();
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new ConfigException(option + " needs a value");
        }
        return args[index];
    }
}
