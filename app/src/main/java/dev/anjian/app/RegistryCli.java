package dev.anjian.app;

import dev.anjian.common.Config;
import dev.anjian.events.MqttCredential;
import dev.anjian.events.Topics;
import dev.anjian.registry.RegistryCommand;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;

/**
 * {@code anjian registry validate FILE}, {@code anjian registry import FILE [--prune] [--config F]} and
 * {@code anjian registry hash-password}. The import reads Kafka's address and the topic prefix from the ingest
 * config (same keys everywhere).
 */
final class RegistryCli {

    static final String USAGE = "usage: anjian registry validate FILE | anjian registry import FILE [--prune]"
            + " [--config FILE] | anjian registry hash-password";

    private RegistryCli() {
    }

    static int run(List<String> args, Path home, PrintStream out, PrintStream err) {
        return run(args, home, System.in, System.console(), out, err);
    }

    /** {@code console} (null when stdin is not a terminal) lets hash-password ask without echoing. */
    static int run(List<String> args, Path home, InputStream in, Console console, PrintStream out, PrintStream err) {
        if (args.size() == 1 && args.get(0).equals("hash-password")) {
            return hashPassword(in, console, out, err);
        }
        if (args.size() < 2) {
            err.println(USAGE);
            return 2;
        }
        String action = args.remove(0);
        Path file = Path.of(args.remove(0));
        RegistryCommand command = new RegistryCommand();
        return switch (action) {
            case "validate" -> {
                Options.rejectUnknown(args);
                yield command.validate(file, out);
            }
            case "import" -> {
                boolean prune = Options.flag(args, "--prune");
                Config config = AnjianMain.config("ingest", Options.value(args, "--config"));
                Options.rejectUnknown(args);
                Topics topics = new Topics(config.string("topic.prefix", Topics.DEFAULT_PREFIX));
                yield command.importFile(file, config.string("kafka.bootstrap", "127.0.0.1:9092"), topics, prune, out);
            }
            default -> {
                err.println("anjian registry: unknown action '" + action + "' (validate, import or hash-password)");
                yield 2;
            }
        };
    }

    /**
     * Prints the {@code mqttCredential} of a device password: asked for without echo on a terminal, else the
     * first line of stdin (its line ending is not part of the password). The password is never printed.
     */
    private static int hashPassword(InputStream in, Console console, PrintStream out, PrintStream err) {
        String password;
        if (console != null) {
            char[] typed = console.readPassword("MQTT password of the device: ");
            password = typed == null ? null : new String(typed);
        } else {
            try {
                password = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            } catch (IOException e) {
                err.println("anjian registry hash-password: cannot read stdin: " + e.getMessage());
                return 1;
            }
        }
        if (password == null || password.isEmpty()) {
            err.println("anjian registry hash-password: no password given (type it, or pipe it on stdin)");
            return 2;
        }
        out.println(MqttCredential.of(password, new SecureRandom()).text());
        return 0;
    }
}
