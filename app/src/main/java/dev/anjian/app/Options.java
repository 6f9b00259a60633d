package dev.anjian.app;

import java.nio.file.Path;
import java.util.List;

/** The few command-line options anjian has; anything else is an error, never silently ignored. */
final class Options {

    private Options() {
    }

    /** Removes {@code name VALUE} from args and returns VALUE as a path, or null when absent. */
    static Path value(List<String> args, String name) {
        int i = args.indexOf(name);
        if (i < 0) {
            return null;
        }
        if (i + 1 >= args.size()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        args.remove(i);
        return Path.of(args.remove(i));
    }

    static boolean flag(List<String> args, String name) {
        return args.remove(name);
    }

    static void rejectUnknown(List<String> args) {
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("unexpected arguments " + args + ". Try: anjian --help");
        }
    }
}
