package dev.anjian.deploy;

import dev.anjian.common.Config;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an ANJIAN_* variable may be: the environment override of a config key documented in config/*.properties
 * (a line {@code #key=default} or {@code key=value}; {@code ANJIAN_KAFKA_BOOTSTRAP} <- {@code kafka.bootstrap}),
 * or a variable that another program of the repository reads: bin/anjian (ANJIAN_JAVA_OPTS) and Grafana's
 * provisioning files (ANJIAN_INFLUX_URL, ANJIAN_DASHBOARDS_PATH).
 */
record DocumentedKeys(Map<String, String> defaults, Set<String> otherVariables) {

    private static final Pattern KEY_LINE = Pattern.compile("^#?([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)*)=(.*)$");
    private static final Pattern VARIABLE = Pattern.compile("ANJIAN_[A-Z0-9_]+");

    static DocumentedKeys load() {
        Map<String, String> defaults = new LinkedHashMap<>();
        for (Path file : Repo.files(Repo.path("config"), ".properties")) {
            for (String line : Repo.read(file).split("\n")) {
                Matcher m = KEY_LINE.matcher(line.trim());
                if (m.matches()) {
                    defaults.putIfAbsent(m.group(1), m.group(2).trim());
                }
            }
        }
        Set<String> others = new TreeSet<>(variablesIn(Repo.path("bin/anjian")));
        for (String dir : new String[] {"dashboards/provisioning/datasources", "dashboards/provisioning/dashboards"}) {
            Repo.files(Repo.path(dir), ".yaml", ".yml").forEach(f -> others.addAll(variablesIn(f)));
        }
        return new DocumentedKeys(Map.copyOf(defaults), Set.copyOf(others));
    }

    /** The config key an ANJIAN_* variable overrides, if one is documented. */
    Optional<String> keyOf(String variable) {
        return defaults.keySet().stream().filter(k -> Config.envName(k).equals(variable)).findFirst();
    }

    boolean isDocumented(String variable) {
        return otherVariables.contains(variable) || keyOf(variable).isPresent();
    }

    /** The documented default of a key ({@code #jt808.port=7808} -> 7808). */
    String defaultOf(String key) {
        String value = defaults.get(key);
        if (value == null) {
            throw new IllegalStateException("config key '" + key + "' is not documented in config/*.properties");
        }
        return value;
    }

    /** The problem with an ANJIAN_* variable set in {@code where}, or null when it is fine (or not ours). */
    String problem(String variable, String where) {
        if (!variable.startsWith("ANJIAN_") || isDocumented(variable)) {
            return null;
        }
        return where + ": " + variable + " is no documented config key (config/*.properties) nor a variable of"
                + " bin/anjian or dashboards/provisioning";
    }

    private static Set<String> variablesIn(Path file) {
        Set<String> found = new TreeSet<>();
        Matcher m = VARIABLE.matcher(Repo.read(file));
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
