# The anjian image: ONE image for every component; the command picks it, exactly as on the command line:
#   anjian ingest | alerting | simulate | jobs | onlinerate | registry import FILE | storage setup | report ...
# Built from the Maven build output (no Maven inside the image). From the repository root:
#   mvn -q -DskipTests package
#   docker build -f deploy/docker/anjian.Dockerfile -t anjian/anjian:0.1.0-SNAPSHOT .
# Configuration: config/*.properties are in the image (/opt/anjian/config, every key at its documented default);
# any key is overridden by an environment variable ANJIAN_<KEY> (kafka.bootstrap -> ANJIAN_KAFKA_BOOTSTRAP), or
# mount your own files and pass --config FILE (compose and k8s mount the repository's config/ at /etc/anjian).
FROM eclipse-temurin:17.0.15_6-jre-jammy

# curl: the health checks of compose and Kubernetes call the alarm API's GET /health.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*

# A fixed non-root uid/gid, so that volumes and a Kubernetes securityContext (runAsUser, fsGroup) can name it.
RUN groupadd --system --gid 10001 anjian \
 && useradd --system --uid 10001 --gid anjian --home-dir /opt/anjian --no-create-home --shell /usr/sbin/nologin anjian

WORKDIR /opt/anjian
# The layout of a checkout, so that bin/anjian runs unchanged: app/target/app-<version>.jar + app/target/lib/*.
COPY app/target/lib/ app/target/lib/
COPY app/target/app-*.jar app/target/
COPY bin/anjian bin/anjian
COPY config/ config/
# var/: logs (var/logs/anjian.log besides the console), the log SMS provider's var/sms.log, the checkpoints of
# jobs run in-process. Writable by anjian only; compose and k8s put a volume there.
RUN rm -f app/target/app-*-tests.jar \
 && chmod 0755 bin/anjian \
 && mkdir -p var/logs var/tmp \
 && chown -R anjian:anjian var

USER 10001:10001
# bin/anjian's JVM options: a share of the container's memory limit instead of its -Xmx2g default.
ENV ANJIAN_JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
# JT/T 808 gateway, native MQTT endpoint (ingest), alarm API (alerting). Inside a container they must bind
# 0.0.0.0 (ANJIAN_JT808_BIND, ANJIAN_MQTT_ENDPOINT_BIND, ANJIAN_API_HOST): the defaults are loopback.
EXPOSE 7808 1884 8090
# bin/anjian execs java: the JVM is PID 1 and gets SIGTERM, its shutdown hook stops the services in order.
ENTRYPOINT ["/opt/anjian/bin/anjian"]
CMD ["--help"]
