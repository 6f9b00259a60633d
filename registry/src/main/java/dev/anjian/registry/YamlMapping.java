package dev.anjian.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed, located access to one YAML mapping of the registry. Every accessor reports a problem to the
 * {@link ErrorCollector} with the line of the offending node and its field path (e.g.
 * {@code enterprises[0].devices[2].kind}) and returns empty, so the caller goes on collecting errors.
 * Unknown and duplicate keys are reported when the mapping is opened.
 */
final class YamlMapping {

    private final MappingNode node;
    private final String path;
    private final ErrorCollector errors;
    private final Map<String, Node> values = new LinkedHashMap<>();

    private YamlMapping(MappingNode node, String path, ErrorCollector errors) {
        this.node = node;
        this.path = path;
        this.errors = errors;
    }

    /** Opens {@code node} as a mapping that may only hold {@code allowedKeys}; empty (and an error) otherwise. */
    static Optional<YamlMapping> open(Node node, String path, List<String> allowedKeys, ErrorCollector errors) {
        if (!(node instanceof MappingNode mapping)) {
            errors.add(node, path, "must be a mapping of " + String.join(", ", allowedKeys) + "; was " + describe(node));
            return Optional.empty();
        }
        YamlMapping result = new YamlMapping(mapping, path, errors);
        Map<String, Node> keyNodes = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                errors.add(tuple.getKeyNode(), path, "keys must be plain names, was " + describe(tuple.getKeyNode()));
                continue;
            }
            String key = keyNode.getValue();
            if (!allowedKeys.contains(key)) {
                errors.add(keyNode, join(path, key), "unknown key '" + key + "'; "
                        + DidYouMean.hint(key, allowedKeys) + "allowed keys: " + String.join(", ", allowedKeys));
            } else if (keyNodes.containsKey(key)) {
                errors.add(keyNode, join(path, key), "duplicate key, first given at line "
                        + ErrorCollector.lineOf(keyNodes.get(key)));
            } else {
                keyNodes.put(key, keyNode);
                result.values.put(key, tuple.getValueNode());
            }
        }
        return Optional.of(result);
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    String path() {
        return path;
    }

    String path(String key) {
        return join(path, key);
    }

    /** The line of the mapping itself (where its first key is). */
    int line() {
        return ErrorCollector.lineOf(node);
    }

    /** The line of {@code key}'s value, or of the mapping when the key is absent. */
    int line(String key) {
        Node value = values.get(key);
        return value == null ? line() : ErrorCollector.lineOf(value);
    }

    /** The value node of {@code key}, empty when absent or YAML null ({@code ~}, nothing after the colon). */
    Optional<Node> child(String key, boolean required) {
        Node value = values.get(key);
        if (value == null || value.getTag().equals(Tag.NULL)) {
            if (required) {
                errors.add(value == null ? line() : ErrorCollector.lineOf(value), path(key), "missing required field");
            }
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** A text value; numbers are taken as written, so {@code 013800000001} keeps its leading zero. */
    Optional<String> text(String key, boolean required) {
        return scalar(key, required, "a text value").flatMap(scalar -> {
            String text = scalar.getValue().trim();
            if (text.isEmpty()) {
                errors.add(scalar, path(key), "must not be empty");
                return Optional.empty();
            }
            return Optional.of(text);
        });
    }

    Optional<Double> number(String key, boolean required) {
        return scalar(key, required, "a number").flatMap(scalar -> toNumber(scalar, path(key)));
    }

    /** A whole number of at least {@code min}. */
    Optional<Integer> integer(String key, boolean required, int min) {
        return scalar(key, required, "a whole number").flatMap(scalar -> {
            String text = scalar.getValue().trim().replace("_", "");
            int value;
            try {
                value = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                errors.add(scalar, path(key), "must be a whole number, was '" + scalar.getValue() + "'");
                return Optional.empty();
            }
            if (value < min) {
                errors.add(scalar, path(key), "must be at least " + min + ", was " + value);
                return Optional.empty();
            }
            return Optional.of(value);
        });
    }

    /** A list of numbers, flow ({@code [1.0, 1.5]}) or block style. */
    Optional<List<Double>> numbers(String key, boolean required) {
        return sequence(key, required).flatMap(items -> {
            List<Double> numbers = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Node item = items.get(i);
                String itemPath = path(key) + "[" + i + "]";
                if (!(item instanceof ScalarNode scalar)) {
                    errors.add(item, itemPath, "must be a number, was " + describe(item));
                    return Optional.empty();
                }
                Optional<Double> number = toNumber(scalar, itemPath);
                if (number.isEmpty()) {
                    return Optional.empty();
                }
                numbers.add(number.get());
            }
            return Optional.of(numbers);
        });
    }

    /** One of an enum's names, written exactly as the enum spells it. */
    <E extends Enum<E>> Optional<E> choice(String key, Class<E> type, boolean required) {
        return text(key, required).flatMap(text -> {
            List<String> allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.toList());
            if (!allowed.contains(text)) {
                errors.add(line(key), path(key), "unknown " + key + " '" + text + "'; "
                        + DidYouMean.hint(text, allowed) + "allowed: " + String.join(", ", allowed));
                return Optional.empty();
            }
            return Optional.of(Enum.valueOf(type, text));
        });
    }

    Optional<List<Node>> sequence(String key, boolean required) {
        return child(key, required).flatMap(value -> {
            if (!(value instanceof SequenceNode sequence)) {
                errors.add(value, path(key), "must be a list, was " + describe(value));
                return Optional.empty();
            }
            return Optional.of(sequence.getValue());
        });
    }

    private Optional<ScalarNode> scalar(String key, boolean required, String expected) {
        return child(key, required).flatMap(value -> {
            if (!(value instanceof ScalarNode scalar)) {
                errors.add(value, path(key), "must be " + expected + ", was " + describe(value));
                return Optional.empty();
            }
            return Optional.of(scalar);
        });
    }

    /** Only plain (unquoted) YAML numbers count: {@code "1.0"} in quotes is text and a likely mistake. */
    private Optional<Double> toNumber(ScalarNode scalar, String at) {
        Tag tag = scalar.getTag();
        if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
            try {
                double value = Double.parseDouble(scalar.getValue().replace("_", ""));
                if (Double.isFinite(value)) {
                    return Optional.of(value);
                }
            } catch (NumberFormatException e) {
                // falls through to the error below: .inf, .nan, hex and sexagesimal forms are not thresholds
            }
        }
        errors.add(scalar, at, "must be a finite number, was '" + scalar.getValue() + "'");
        return Optional.empty();
    }

    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return node.getTag().equals(Tag.NULL) ? "empty" : "'" + ((ScalarNode) node).getValue() + "'";
    }
}
