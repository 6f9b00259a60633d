package dev.anjian.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The repository this module checks: its root (Maven passes {@code anjian.repo.root}), files and YAML. */
final class Repo {

    private Repo() {
    }

    static Path root() {
        Path root = Path.of(System.getProperty("anjian.repo.root", "..")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("pom.xml")) || !Files.isDirectory(root.resolve("config"))) {
            throw new IllegalStateException("not the anjian repository: " + root);
        }
        return root;
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of a YAML file; duplicate keys are an error (YAML itself would keep the last silently). */
    static List<Object> yamlDocuments(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        List<Object> documents = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(options)).loadAll(read(file))) {
            if (document != null) {
                documents.add(document);
            }
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(Path file) {
        List<Object> documents = yamlDocuments(file);
        if (documents.size() != 1 || !(documents.get(0) instanceof Map)) {
            throw new IllegalStateException(file + ": expected one YAML mapping, found " + documents.size() + " documents");
        }
        return (Map<String, Object>) documents.get(0);
    }

    /** Files directly in {@code dir} whose name ends with one of {@code suffixes}, sorted. */
    static List<Path> files(Path dir, String... suffixes) {
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.filter(Files::isRegularFile)
                    .filter(f -> Stream.of(suffixes).anyMatch(s -> f.getFileName().toString().endsWith(s)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The project version from the root pom: the tag of our own images. */
    static String projectVersion() {
        return firstGroup(Pattern.compile("<artifactId>anjian</artifactId>\\s*<version>([^<]+)</version>"),
                read(path("pom.xml")), "project version");
    }

    /** A property of the root pom's {@code <properties>}, e.g. {@code flink.version}. */
    static String pomProperty(String name) {
        return firstGroup(Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">"),
                read(path("pom.xml")), name);
    }

    /** The topics the local stack creates, as it lists them: name or name:compact (deploy/local/lib/kafka.sh). */
    static List<String> localTopicSpecs() {
        String list = firstGroup(Pattern.compile("KAFKA_TOPICS=\\(([^)]*)\\)"), read(path("deploy/local/lib/kafka.sh")),
                "KAFKA_TOPICS");
        return List.of(list.trim().split("\\s+"));
    }

    private static String firstGroup(Pattern pattern, String text, String what) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("cannot find the " + what);
        }
        return m.group(1).trim();
    }
}
