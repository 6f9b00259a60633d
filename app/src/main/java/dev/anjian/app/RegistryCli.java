package dev.anjian.app;

import dev.anjian.common.Config;
import dev.anjian.events.Topics;
import dev.anjian.registry.RegistryCommand;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code anjian registry validate FILE} and {@code anjian registry import FILE [--prune] [--config F]}.
 * The import reads Kafka's address and the topic prefix from the ingest config (same keys everywhere).
 */
final class RegistryCli {

    private RegistryCli() {
    }

    static int run(List<String> args, Path home, PrintStream out, PrintStream err) {
        if (args.size() < 2) {
            err.println("usage: anjian registry validate FILE | anjian registry import FILE [--prune] [--config FILE]");
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
                err.println("anjian registry: unknown action '" + action + "' (validate or import)");
                yield 2;
            }
        };
    }
}
