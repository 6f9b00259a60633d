package dev.anjian.registry;

import dev.anjian.events.Direction;
import dev.anjian.events.MetricSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads one entry of a device's {@code metrics}. Defaults: direction HIGH, debounceSeconds 0,
 * debounceSamples 1 (one reading beyond a level is enough). The threshold rules (levels strictly
 * ordered, clear on the safe side of level 1) are {@link MetricSpec}'s own.
 */
final class MetricReader {

    static final List<String> KEYS =
            List.of("name", "unit", "direction", "levels", "clear", "debounceSeconds", "debounceSamples");
    static final int DEFAULT_DEBOUNCE_SECONDS = 0;
    static final int DEFAULT_DEBOUNCE_SAMPLES = 1;

    private MetricReader() {
    }

    static Optional<MetricSpec> read(Node node, String path, ErrorCollector errors) {
        Optional<YamlMapping> opened = YamlMapping.open(node, path, KEYS, errors);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        YamlMapping m = opened.get();
        int before = errors.count();
        // Metric names become MQTT payload keys and InfluxDB tag values: keep them plain.
        Optional<String> name = m.text("name", true).filter(n -> RegistryReader.plainName(n, m, "name", errors));
        Optional<String> unit = m.text("unit", true);
        Direction direction = m.choice("direction", Direction.class, false).orElse(Direction.HIGH);
        Optional<List<Double>> levels = m.numbers("levels", true);
        Optional<Double> clear = m.number("clear", true);
        int debounceSeconds = m.integer("debounceSeconds", false, 0).orElse(DEFAULT_DEBOUNCE_SECONDS);
        int debounceSamples = m.integer("debounceSamples", false, 0).orElse(DEFAULT_DEBOUNCE_SAMPLES);
        if (errors.count() > before) {
            return Optional.empty();
        }
        return RecordErrors.build(() -> new MetricSpec(name.get(), unit.get(), direction, levels.get(), clear.get(),
                debounceSeconds, debounceSamples), m, Map.of("metric", "name"), errors);
    }
}
