package dev.anjian.registry;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs an events record constructor and turns its {@link IllegalArgumentException} into a located
 * registry error. The records name the offending field ({@code field 'levels' must be strictly increasing
 * ...}); this attaches the YAML key's line and path, so the record stays the one place each rule lives.
 */
final class RecordErrors {

    private static final Pattern FIELD = Pattern.compile("^field '([^']+)' (.*)$", Pattern.DOTALL);
    private static final Pattern MISSING = Pattern.compile("^missing required field '([^']+)'(.*)$", Pattern.DOTALL);

    private RecordErrors() {
    }

    /**
     * @param yamlKeys record field name to YAML key where they differ (MetricSpec's {@code metric} is
     *                 written {@code name} in the file)
     */
    static <T> Optional<T> build(Supplier<T> constructor, YamlMapping at, Map<String, String> yamlKeys,
                                 ErrorCollector errors) {
        try {
            return Optional.of(constructor.get());
        } catch (IllegalArgumentException e) {
            report(e.getMessage(), at, yamlKeys, errors);
            return Optional.empty();
        }
    }

    private static void report(String message, YamlMapping at, Map<String, String> yamlKeys, ErrorCollector errors) {
        Matcher missing = MISSING.matcher(message);
        if (missing.matches()) {
            String key = yamlKeys.getOrDefault(missing.group(1), missing.group(1));
            errors.add(at.line(key), at.path(key), "missing required field" + missing.group(2));
            return;
        }
        Matcher field = FIELD.matcher(message);
        if (field.matches()) {
            String key = yamlKeys.getOrDefault(field.group(1), field.group(1));
            String rest = field.group(2);
            errors.add(at.line(key), at.path(key), rest.startsWith("(") ? "value " + rest : rest);
            return;
        }
        errors.add(at.line(), at.path(), message);
    }
}
