# The Flink image of anjian: the official Flink 2.2.0 image (Java 17) with the shaded job jar in usrlib, for a
# Flink session or application cluster (compose) and the Flink Kubernetes Operator (FlinkDeployment jarURI
# local:///opt/flink/usrlib/anjian-jobs.jar). From the repository root, after `mvn -q -DskipTests package`:
#   docker build -f deploy/docker/flink.Dockerfile -t anjian/anjian-flink:0.1.0-SNAPSHOT .
# The jar holds both jobs: dev.anjian.jobs.MonitoringJob (its Main-Class) and
# dev.anjian.jobs.onlinerate.OnlineRateJob; program arguments --config FILE and --set key=value.
FROM flink:2.2.0-java17

# curl: health checks of the compose services (the JobManager's REST API).
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*

COPY --chown=flink:flink jobs/target/jobs-*-job.jar /opt/flink/usrlib/anjian-jobs.jar
# Compose only: keeps both jobs submitted to the session cluster (see the script).
COPY --chown=flink:flink deploy/docker/flink/keep-jobs.sh /opt/anjian/keep-jobs.sh
# /flink-data: checkpoints, savepoints (and HA metadata in k8s), shared by JobManager and TaskManagers. Created
# here owned by flink, so that an empty named volume mounted on it starts with that owner.
RUN chmod 0755 /opt/anjian/keep-jobs.sh \
 && mkdir -p /flink-data \
 && chown flink:flink /flink-data
