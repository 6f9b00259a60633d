package dev.anjian.alerting;

import java.nio.file.Path;

/** The alarm API's HTTP server (keys {@code api.*}): loopback by default; port 0 picks a free port (tests). */
public record ApiSettings(boolean enabled, String host, int port, Path tokensFile) {
}
