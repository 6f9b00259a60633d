package dev.anjian.registry;

import dev.anjian.events.Topics;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's command-line verbs, called by the {@code anjian} CLI: {@code registry validate FILE} and
 * {@code registry import FILE [--prune]}. They print for a human and return the process exit code:
 * {@link #OK} 0, {@link #INVALID_FILE} 1 (every error printed, nothing imported), {@link #KAFKA_FAILURE} 2
 * (the transaction was aborted, nothing imported).
 */
public final class RegistryCommand {

    public static final int OK = 0;
    public static final int INVALID_FILE = 1;
    public static final int KAFKA_FAILURE = 2;

    private static final Logger log = LoggerFactory.getLogger(RegistryCommand.class);

    public int validate(Path file, PrintStream out) {
        RegistryParse parse = RegistryFile.parse(file);
        if (!parse.isValid()) {
            printErrors(parse, out);
            return INVALID_FILE;
        }
        out.println(file + ": valid, " + parse.devices().size() + " devices");
        new RegistrySummary(parse.devices(), List.of()).lines().forEach(out::println);
        return OK;
    }

    public int importFile(Path file, String bootstrap, Topics topics, boolean prune, PrintStream out) {
        RegistryParse parse = RegistryFile.parse(file);
        if (!parse.isValid()) {
            printErrors(parse, out);
            out.println("nothing imported");
            return INVALID_FILE;
        }
        RegistrySummary summary;
        try {
            summary = new RegistryImporter(bootstrap, topics).importDevices(parse.devices(), prune);
        } catch (RegistryImportException e) {
            log.error("registry import of {} failed", file, e);
            out.println("import failed, nothing imported: " + e.getMessage());
            return KAFKA_FAILURE;
        }
        out.println("imported " + file + " into " + topics.deviceRegistry() + " at " + bootstrap + " in one transaction"
                + (prune ? " (with --prune)" : ""));
        summary.lines().forEach(out::println);
        return OK;
    }

    private static void printErrors(RegistryParse parse, PrintStream out) {
        parse.errors().forEach(out::println);
        out.println(parse.file() + ": " + parse.errors().size() + (parse.errors().size() == 1 ? " error" : " errors"));
    }
}
