package dev.anjian.deploy;

import static dev.anjian.deploy.Yamls.at;
import static dev.anjian.deploy.Yamls.list;
import static dev.anjian.deploy.Yamls.map;
import static dev.anjian.deploy.Yamls.string;
import static dev.anjian.deploy.Yamls.strings;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the Flink Kubernetes Operator needs of a FlinkDeployment of ours, and its agreement with the rest of the
 * repository: flinkVersion of the Flink we build against (pom flink.version 2.2.0 -> v2_2), the job jar where
 * deploy/docker/flink.Dockerfile puts it, an entry class that exists with a main, JobManager and TaskManager
 * memory, a savepoint folder for upgradeMode savepoint, Kubernetes HA, state folders on a mounted volume, and
 * the job's own --set parallelism equal to the parallelism the operator sizes the TaskManagers for.
 */
final class FlinkDeploymentChecks {

    private static final Pattern USRLIB_COPY = Pattern.compile("(?m)^COPY\\s.*\\s(/opt/flink/usrlib/[^\\s/]+\\.jar)\\s*$");

    private FlinkDeploymentChecks() {
    }

    static List<String> check(String where, Map<String, Object> doc, String version, DocumentedKeys keys) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> spec = map(doc.get("spec"));
        Map<String, Object> job = map(spec.get("job"));
        Map<String, Object> flink = map(spec.get("flinkConfiguration"));
        String[] flinkVersion = Repo.pomProperty("flink.version").split("\\.");
        String expected = "v" + flinkVersion[0] + "_" + flinkVersion[1];
        if (!expected.equals(spec.get("flinkVersion"))) {
            problems.add("flinkVersion " + spec.get("flinkVersion") + ", but the jobs are built against Flink "
                    + Repo.pomProperty("flink.version") + " (" + expected + ")");
        }
        for (String required : List.of("image", "serviceAccount")) {
            if (spec.get(required) == null) {
                problems.add("no spec." + required);
            }
        }
        for (String role : List.of("jobManager", "taskManager")) {
            if (at(spec, role, "resource", "memory") == null) {
                problems.add("no spec." + role + ".resource.memory");
            }
        }
        String jar = "local://" + usrlibJar();
        if (!jar.equals(job.get("jarURI"))) {
            problems.add("job.jarURI " + job.get("jarURI") + ", but the image has the jar at " + jar);
        }
        String entry = string(job.get("entryClass"));
        var source = Repo.path("jobs/src/main/java/" + (entry == null ? "?" : entry.replace('.', '/')) + ".java");
        if (!Files.isRegularFile(source) || !Repo.read(source).contains("public static void main(")) {
            problems.add("job.entryClass " + entry + " is no class with a main in jobs/src/main/java");
        }
        String upgradeMode = string(job.get("upgradeMode"));
        if ("savepoint".equals(upgradeMode) && !flink.containsKey("execution.checkpointing.savepoint-dir")
                && !flink.containsKey("state.savepoints.dir")) {
            problems.add("upgradeMode savepoint without execution.checkpointing.savepoint-dir");
        }
        if (!"kubernetes".equals(flink.get("high-availability.type")) || flink.get("high-availability.storageDir") == null) {
            problems.add("no Kubernetes HA (high-availability.type: kubernetes and high-availability.storageDir):"
                    + " a JobManager failure would lose the newest checkpoint");
        }
        stateOnVolume(spec, flink, problems);
        parallelism(job, problems);
        arguments(job, keys, problems);
        return problems.stream().map(p -> where + ": " + p).toList();
    }

    /** file:// state folders must lie on a volume every Flink container mounts. */
    private static void stateOnVolume(Map<String, Object> spec, Map<String, Object> flink, List<String> problems) {
        List<String> mountPaths = new ArrayList<>();
        for (Object c : list(at(spec, "podTemplate", "spec", "containers"))) {
            list(map(c).get("volumeMounts")).forEach(m -> mountPaths.add(string(map(m).get("mountPath"))));
        }
        for (String key : List.of("execution.checkpointing.dir", "execution.checkpointing.savepoint-dir",
                "high-availability.storageDir")) {
            String dir = string(flink.get(key));
            if (dir != null && dir.startsWith("file://")
                    && mountPaths.stream().noneMatch(p -> dir.substring("file://".length()).startsWith(p + "/"))) {
                problems.add(key + " " + dir + " is on no mounted volume: it would die with the pod");
            }
        }
    }

    /** MonitoringJob/OnlineRateJob set their own parallelism: --set [onlinerate.]parallelism=N must equal job.parallelism. */
    private static void parallelism(Map<String, Object> job, List<String> problems) {
        List<String> args = strings(job.get("args"));
        String set = null;
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).equals("--set") && args.get(i + 1).matches("(onlinerate\\.)?parallelism=\\d+")) {
                set = args.get(i + 1).substring(args.get(i + 1).indexOf('=') + 1);
            }
        }
        String declared = string(job.get("parallelism"));
        if (set == null || !set.equals(declared)) {
            problems.add("job.parallelism " + declared + " but the job's own --set parallelism is " + set
                    + ": the operator would size TaskManagers for one and the job run with the other");
        }
    }

    /** --config names a file of config/ (mounted at /etc/anjian), every --set key is documented. */
    private static void arguments(Map<String, Object> job, DocumentedKeys keys, List<String> problems) {
        List<String> args = strings(job.get("args"));
        for (int i = 0; i + 1 < args.size(); i++) {
            String value = args.get(i + 1);
            if (args.get(i).equals("--config") && (!value.startsWith("/etc/anjian/")
                    || !Files.isRegularFile(Repo.path("config/" + value.substring("/etc/anjian/".length()))))) {
                problems.add("job.args --config " + value + " is no file of config/ (ConfigMap anjian-config at /etc/anjian)");
            }
            if (args.get(i).equals("--set") && !keys.defaults().containsKey(value.split("=", 2)[0])) {
                problems.add("job.args --set " + value + ": no such documented config key");
            }
        }
    }

    /** Where deploy/docker/flink.Dockerfile copies the job jar: /opt/flink/usrlib/anjian-jobs.jar. */
    static String usrlibJar() {
        Matcher m = USRLIB_COPY.matcher(Repo.read(Repo.path("deploy/docker/flink.Dockerfile")));
        if (!m.find()) {
            throw new IllegalStateException("deploy/docker/flink.Dockerfile copies no jar into /opt/flink/usrlib");
        }
        return m.group(1);
    }
}
