package dev.anjian.deploy;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * deploy/docker/*.Dockerfile: base images pinned, every COPY source either in the repository or a Maven
 * output (module/target/...), let through by the Dockerfile's own allow-list ({@code <name>.dockerignore},
 * which BuildKit reads instead of a root .dockerignore), and ANJIAN_* variables documented.
 */
final class DockerfileChecks {

    private static final Pattern FROM = Pattern.compile("(?m)^FROM\\s+(\\S+)");
    private static final Pattern COPY = Pattern.compile("(?m)^COPY\\s+((?:--\\S+\\s+)*)(.+?)\\s+(\\S+)\\s*$");
    private static final Pattern ENV = Pattern.compile("(?m)^ENV\\s+(ANJIAN_[A-Z0-9_]+)=");

    private DockerfileChecks() {
    }

    /** The problems of a Dockerfile's text, given its allow-list's text (null when it has none). */
    static List<String> check(String name, String dockerfile, String dockerignore, DocumentedKeys keys) {
        List<String> problems = new ArrayList<>();
        Matcher from = FROM.matcher(dockerfile);
        if (!from.find()) {
            problems.add(name + ": no FROM");
        }
        from.reset();
        while (from.find()) {
            String problem = ImageRefs.problem(from.group(1), "-");
            if (problem != null) {
                problems.add(name + ": base " + problem);
            }
        }
        List<String> allowed = dockerignore == null ? List.of() : dockerignore.lines().map(String::trim)
                .filter(l -> l.startsWith("!")).map(l -> l.substring(1)).toList();
        if (dockerignore == null || !dockerignore.lines().map(String::trim).toList().contains("*")) {
            problems.add(name + ": no " + name + ".dockerignore excluding everything (*) but what it copies");
        }
        Matcher copy = COPY.matcher(dockerfile);
        while (copy.find()) {
            for (String source : copy.group(2).trim().split("\\s+")) {
                source(name, source, allowed, problems);
            }
        }
        Matcher env = ENV.matcher(dockerfile);
        while (env.find()) {
            String problem = keys.problem(env.group(1), name + " ENV");
            if (problem != null) {
                problems.add(problem);
            }
        }
        return problems;
    }

    private static void source(String name, String source, List<String> allowed, List<String> problems) {
        int target = source.indexOf("/target/");
        if (target > 0) {
            if (!Files.isRegularFile(Repo.path(source.substring(0, target) + "/pom.xml"))) {
                problems.add(name + ": COPY " + source + " is the output of no Maven module");
            }
        } else if (!Files.exists(Repo.path(source))) {
            problems.add(name + ": COPY " + source + " does not exist in the repository");
        }
        if (!allowed.contains(source)) {
            problems.add(name + ": COPY " + source + " is not let through by " + name + ".dockerignore (add !" + source + ")");
        }
    }
}
