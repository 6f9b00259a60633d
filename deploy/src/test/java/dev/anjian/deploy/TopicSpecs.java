package dev.anjian.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Topic creation scripts (compose kafka-init, the k8s Job) loop over {@code for spec in <name[:compact]>...}:
 * the same list, in the same notation, as deploy/local/lib/kafka.sh, so every deployment has every topic and
 * the registry and the ledger compacted.
 */
final class TopicSpecs {

    private static final Pattern LOOP = Pattern.compile("for spec in ([^;\\n]+);");

    private TopicSpecs() {
    }

    static List<String> problems(String script) {
        Matcher m = LOOP.matcher(script);
        if (!m.find()) {
            return List.of("no 'for spec in ...;' loop creating the topics");
        }
        List<String> declared = List.of(m.group(1).trim().split("\\s+"));
        List<String> expected = Repo.localTopicSpecs();
        List<String> problems = new ArrayList<>();
        if (!declared.equals(expected)) {
            problems.add("creates topics " + declared + ", the local stack " + expected + " (deploy/local/lib/kafka.sh)");
        }
        if (!script.contains("cleanup.policy=compact")) {
            problems.add("never sets cleanup.policy=compact for the :compact topics");
        }
        return problems;
    }
}
