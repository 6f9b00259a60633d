package dev.anjian.bench;

import dev.anjian.events.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Names and places of one phase of one run, all unique to it: topic prefix {@code bench-<run>-<phase>.},
 * InfluxDB database {@code bench_<run>_<phase>}, consumer groups and MQTT client ids {@code bench-<run>-<phase>},
 * folder {@code <run dir>/<phase>/}, and free loopback ports for the JT/T 808 gateway and the native MQTT
 * endpoint.
 */
record PhaseSetup(String phase, String id, Topics topics, String database, Path dir, BenchStack stack, int jt808Port,
        int nativePort) {

    static PhaseSetup of(String runId, String phase, Path runDir, BenchStack stack) throws IOException {
        String id = "bench-" + runId + "-" + phase;
        return new PhaseSetup(phase, id, new Topics(id + "."), id.replace('-', '_').toLowerCase(Locale.ROOT),
                Files.createDirectories(runDir.resolve(phase)), stack, freePort(), freePort());
    }

    /** A port free right now on 127.0.0.1 (the service binds it a few seconds later; collisions are unlikely). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
