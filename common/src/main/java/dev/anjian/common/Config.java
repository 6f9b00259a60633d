package dev.anjian.common;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Configuration of one deployable: a properties file, each key overridable by an environment variable
 * named {@code ANJIAN_} + the key upper-cased with dots and dashes as underscores
 * ({@code kafka.bootstrap} -> {@code ANJIAN_KAFKA_BOOTSTRAP}). Loaded and checked once in a
 * {@code main}; components receive plain values, never this object.
 */
public final class Config {

    private final Map<String, String> fileValues;
    private final Map<String, String> env;
    private final String origin;

    private Config(Map<String, String> fileValues, Map<String, String> env, String origin) {
        this.fileValues = Map.copyOf(fileValues);
        this.env = Map.copyOf(env);
        this.origin = origin;
    }

    /** Reads {@code file} (which must exist) with the process environment as overrides. */
    public static Config load(Path file) {
        return load(file, System.getenv());
    }

    public static Config load(Path file, Map<String, String> env) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("config file not found: " + file.toAbsolutePath());
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file.toAbsolutePath() + ": " + e.getMessage());
        }
        Map<String, String> values = new HashMap<>();
        properties.forEach((k, v) -> values.put(k.toString().trim(), v.toString().trim()));
        return new Config(values, env, file.toString());
    }

    /** Built from values in code (tests, defaults), still honouring {@code env}. */
    public static Config of(Map<String, String> values, Map<String, String> env) {
        return new Config(values, env, "defaults");
    }

    public static String envName(String key) {
        return "ANJIAN_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public String string(String key) {
        String value = raw(key);
        if (value == null || value.isBlank()) {
            throw new ConfigException("missing config key '" + key + "' (in " + origin + " or env " + envName(key) + ")");
        }
        return value;
    }

    public String string(String key, String defaultValue) {
        String value = raw(key);
        return value == null || value.isBlank() ? defaultValue : value;
    }

    public int integer(String key, int defaultValue) {
        String value = raw(key);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw unparsable(key, value, "an integer");
        }
    }

    /** An integer that must be at least {@code min}: {@code must be >= 1, was 0}. */
    public int integer(String key, int defaultValue, int min) {
        int value = integer(key, defaultValue);
        if (value < min) {
            throw invalid(key, ">= " + min, Integer.toString(value));
        }
        return value;
    }

    /** A duration that must be longer than zero (an interval, a timeout). */
    public Duration positiveDuration(String key, Duration defaultValue) {
        Duration value = duration(key, defaultValue);
        if (value.isNegative() || value.isZero()) {
            throw invalid(key, "> 0", value.toString());
        }
        return value;
    }

    /** A duration that may be zero (usually: the feature is off) but not negative. */
    public Duration nonNegativeDuration(String key, Duration defaultValue) {
        Duration value = duration(key, defaultValue);
        if (value.isNegative()) {
            throw invalid(key, ">= 0", value.toString());
        }
        return value;
    }

    /** The error for a value of {@code key} that is not {@code expected}, naming its environment variable. */
    public static ConfigException invalid(String key, String expected, String was) {
        return new ConfigException("config key '" + key + "' (env " + envName(key) + ") must be " + expected
                + ", was " + was);
    }

    public boolean bool(String key, boolean defaultValue) {
        String value = raw(key);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw unparsable(key, value, "true or false");
        };
    }

    /** A duration as ISO-8601 ({@code PT30S}) or a number with a unit: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}. */
    public Duration duration(String key, Duration defaultValue) {
        String value = raw(key);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return parseDuration(value);
        } catch (RuntimeException e) {
            throw unparsable(key, value, "a duration such as 500ms, 30s, 5m, 2h or PT30S");
        }
    }

    static Duration parseDuration(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.startsWith("pt") || v.startsWith("p")) {
            return Duration.parse(value.trim().toUpperCase(Locale.ROOT));
        }
        if (v.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).trim()));
        }
        long amount = Long.parseLong(v.substring(0, v.length() - 1).trim());
        return switch (v.charAt(v.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            default -> throw new IllegalArgumentException(value);
        };
    }

    /** The file or default value, overridden by the environment variable when that is set. */
    private String raw(String key) {
        String fromEnv = env.get(envName(key));
        return fromEnv != null ? fromEnv.trim() : fileValues.get(key);
    }

    private ConfigException unparsable(String key, String value, String expected) {
        return new ConfigException("config key '" + key + "' (env " + envName(key) + ") must be " + expected
                + ", was '" + value + "'");
    }
}
