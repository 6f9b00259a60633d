package dev.anjian.registry;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** Collects every error of one file instead of stopping at the first, so an operator fixes all in one go. */
final class ErrorCollector {

    private final String file;
    private final List<RegistryError> errors = new ArrayList<>();

    ErrorCollector(String file) {
        this.file = file;
    }

    void add(int line, String path, String message) {
        errors.add(new RegistryError(file, line, path, message));
    }

    void add(Node at, String path, String message) {
        add(lineOf(at), path, message);
    }

    /** SnakeYAML marks are 0-based; editors count lines from 1. */
    static int lineOf(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    int count() {
        return errors.size();
    }

    List<RegistryError> errors() {
        return List.copyOf(errors);
    }
}
