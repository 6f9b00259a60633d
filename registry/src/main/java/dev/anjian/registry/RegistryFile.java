package dev.anjian.registry;

import dev.anjian.events.Device;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Parses a YAML device registry (format: registry/README.md) into {@link dev.anjian.events.Device}s.
 * It works on SnakeYAML's node tree rather than on Java objects so that every error can name the file,
 * the line and the field path, e.g.
 * {@code henan-example.yaml:42: enterprises[0].devices[3].metrics[0].levels: must be strictly increasing
 * for a HIGH metric, was [1.5, 1.0]}; all errors are collected, none stops the parse.
 */
public final class RegistryFile {

    private RegistryFile() {
    }

    public static RegistryParse parse(Path file) {
        String name = String.valueOf(file.getFileName());
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return RegistryParse.invalid(name, List.of(new RegistryError(name, 0, "",
                    "cannot read " + file.toAbsolutePath() + ": " + e)));
        }
        return parse(name, content);
    }

    /** Parses {@code content}; {@code name} is only used in error messages. */
    public static RegistryParse parse(String name, String content) {
        ErrorCollector errors = new ErrorCollector(name);
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(content));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            errors.add(mark == null ? 0 : mark.getLine() + 1, "", "not valid YAML: " + context(e) + e.getProblem());
            return RegistryParse.invalid(name, errors.errors());
        } catch (YAMLException e) {
            errors.add(0, "", "not valid YAML: " + e.getMessage());
            return RegistryParse.invalid(name, errors.errors());
        }
        if (root == null) {
            errors.add(1, "", "the file is empty; expected a mapping with 'enterprises:'");
            return RegistryParse.invalid(name, errors.errors());
        }
        List<Device> devices = new RegistryReader(errors).read(root);
        return errors.count() == 0 ? RegistryParse.valid(name, devices) : RegistryParse.invalid(name, errors.errors());
    }

    /** "while parsing a flow sequence at line 3: ", so an unclosed bracket points back to where it opened. */
    private static String context(MarkedYAMLException e) {
        if (e.getContext() == null) {
            return "";
        }
        Mark opened = e.getContextMark();
        return e.getContext() + (opened == null ? "" : " at line " + (opened.getLine() + 1)) + ": ";
    }
}
