package dev.anjian.deploy;

import static dev.anjian.deploy.Yamls.at;
import static dev.anjian.deploy.Yamls.list;
import static dev.anjian.deploy.Yamls.map;
import static dev.anjian.deploy.Yamls.string;
import static dev.anjian.deploy.Yamls.strings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The contract of deploy/compose/docker-compose.yml with the repository, beyond what Compose itself validates
 * (ComposeCliIT): pinned images, host ports on 127.0.0.1 only, depends_on naming existing services with a
 * condition they can meet, restart policies, mounted files that exist, documented ANJIAN_* variables, the
 * anjian ports at their config defaults, and the same topics as the local stack. Each problem is one line.
 */
final class ComposeChecks {

    private static final Set<String> CONDITIONS = Set.of("service_started", "service_healthy",
            "service_completed_successfully");
    private static final Pattern ENV_LINE = Pattern.compile("^#?\\s*(ANJIAN_[A-Z0-9_]+)=(.*)$");

    private final Path dir;
    private final DocumentedKeys keys;
    private final String version;
    private final List<String> problems = new ArrayList<>();

    private ComposeChecks(Path dir, DocumentedKeys keys, String version) {
        this.dir = dir;
        this.keys = keys;
        this.version = version;
    }

    /** Every problem of {@code compose} (the parsed file, which lives in {@code dir}). */
    static List<String> check(Map<String, Object> compose, Path dir, DocumentedKeys keys, String version) {
        ComposeChecks checks = new ComposeChecks(dir, keys, version);
        Map<String, Object> services = map(compose.get("services"));
        if (services.isEmpty()) {
            checks.problems.add("no services");
        }
        services.forEach((name, service) -> checks.service(name, map(service), services, map(compose.get("volumes"))));
        checks.topics(services);
        return checks.problems;
    }

    private void service(String name, Map<String, Object> service, Map<String, Object> services, Map<String, Object> volumes) {
        String image = string(service.get("image"));
        add(name, ImageRefs.problem(image, version));
        if (service.get("restart") == null) {
            add(name, "no restart policy");
        }
        for (String port : strings(service.get("ports"))) {
            if (!port.startsWith("127.0.0.1:")) {
                add(name, "port " + port + " is published on every interface of the host: use 127.0.0.1:" + port);
            }
        }
        dependsOn(name, service, services);
        Map<String, String> mounts = mounts(name, service, volumes);
        Map<String, String> env = environment(name, service);
        env.forEach((variable, value) -> add(name, keys.problem(variable, "environment")));
        List<String> values = new ArrayList<>(env.values());
        values.addAll(strings(service.get("command")));
        values.forEach(value -> mountedFile(name, value, mounts));
        if (image != null && image.startsWith("anjian/anjian:")) {
            anjianPorts(name, service, env);
        }
    }

    private void dependsOn(String name, Map<String, Object> service, Map<String, Object> services) {
        Object dependsOn = service.get("depends_on");
        Map<String, Object> conditions = new LinkedHashMap<>();
        if (dependsOn instanceof List<?> l) {
            l.forEach(d -> conditions.put(d.toString(), Map.of("condition", "service_started")));
        } else {
            conditions.putAll(map(dependsOn));
        }
        conditions.forEach((target, how) -> {
            String condition = string(at(how, "condition"));
            Map<String, Object> other = map(services.get(target));
            if (other.isEmpty()) {
                add(name, "depends on '" + target + "', which is no service");
            } else if (!CONDITIONS.contains(condition)) {
                add(name, "depends on '" + target + "' with unknown condition " + condition);
            } else if (condition.equals("service_healthy") && other.get("healthcheck") == null) {
                add(name, "waits for '" + target + "' to be healthy, but it has no healthcheck");
            } else if (condition.equals("service_completed_successfully") && !"no".equals(string(other.get("restart")))) {
                add(name, "waits for '" + target + "' to complete, but it restarts (restart: \"no\" for one-shots)");
            }
        });
    }

    /** Bind mounts (container path -> host path, which must exist) and named volumes (which must be declared). */
    private Map<String, String> mounts(String name, Map<String, Object> service, Map<String, Object> volumes) {
        Map<String, String> binds = new LinkedHashMap<>();
        for (String volume : strings(service.get("volumes"))) {
            String[] parts = volume.split(":");
            if (parts.length < 2) {
                add(name, "volume '" + volume + "' has no container path");
            } else if (parts[0].startsWith(".") || parts[0].startsWith("/")) {
                Path host = dir.resolve(parts[0]).normalize();
                if (!Files.exists(host)) {
                    add(name, "mounts " + parts[0] + ", which does not exist (" + host + ")");
                }
                binds.put(parts[1], parts[0]);
            } else if (!volumes.containsKey(parts[0])) {
                add(name, "uses volume '" + parts[0] + "', which is not declared under volumes:");
            }
        }
        return binds;
    }

    /** environment (map or KEY=VALUE list) and every env_file, commented-out ANJIAN_ examples included. */
    private Map<String, String> environment(String name, Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String file : strings(service.get("env_file"))) {
            Path path = dir.resolve(file);
            if (!Files.isRegularFile(path)) {
                add(name, "env_file " + file + " does not exist");
                continue;
            }
            for (String line : Repo.read(path).split("\n")) {
                Matcher m = ENV_LINE.matcher(line.trim());
                if (m.matches()) {
                    env.put(m.group(1), m.group(2));
                }
            }
        }
        Object environment = service.get("environment");
        if (environment instanceof List<?> l) {
            l.forEach(e -> env.put(e.toString().split("=", 2)[0], e.toString().contains("=") ? e.toString().split("=", 2)[1] : ""));
        } else {
            map(environment).forEach((k, v) -> env.put(k, string(v)));
        }
        return env;
    }

    /** A value naming a file under a bind-mounted folder (/etc/anjian/routing.yaml) must name a file that exists. */
    private void mountedFile(String name, String value, Map<String, String> binds) {
        if (value == null) {
            return;
        }
        binds.forEach((container, host) -> {
            if (value.startsWith(container + "/")) {
                Path file = dir.resolve(host).resolve(value.substring(container.length() + 1)).normalize();
                if (!Files.exists(file)) {
                    add(name, value + " is not in the mounted " + host + " (" + file + " does not exist)");
                }
            }
        });
    }

    /** The container side of every published port is a port anjian listens on: its config default or override. */
    private void anjianPorts(String name, Map<String, Object> service, Map<String, String> env) {
        Set<String> listening = AnjianPorts.effective(keys, env::get);
        for (String port : strings(service.get("ports"))) {
            String container = port.substring(port.lastIndexOf(':') + 1).replace("/tcp", "");
            if (!listening.contains(container)) {
                add(name, "publishes container port " + container + ", but anjian listens on " + listening
                        + " (config defaults or ANJIAN_*_PORT overrides)");
            }
        }
    }

    /** The one-shot topic creation lists the same topics, compaction included, as deploy/local/lib/kafka.sh. */
    private void topics(Map<String, Object> services) {
        String script = String.join("\n", strings(at(services, "kafka-init", "command")));
        TopicSpecs.problems(script).forEach(p -> add("kafka-init", p));
    }

    private void add(String service, String problem) {
        if (problem != null) {
            problems.add(service + ": " + problem);
        }
    }
}
