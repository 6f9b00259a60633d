package dev.anjian.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The checkpoints a local run leaves behind (retained on cancellation) under {@code checkpoint.dir},
 * laid out by Flink as {@code <dir>/<job id>/chk-<n>/_metadata}. The newest complete one is where the
 * next local start resumes, so that a restart of the demo keeps open alarms and the registry.
 */
final class RetainedCheckpoints {

    private RetainedCheckpoints() {
    }

    /** The newest checkpoint folder with a {@code _metadata} file, if any. */
    static Optional<Path> latest(Path checkpointDir) {
        if (!Files.isDirectory(checkpointDir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.find(checkpointDir, 3, (path, attributes) -> attributes.isRegularFile()
                && path.getFileName().toString().equals("_metadata")
                && path.getParent().getFileName().toString().startsWith("chk-"))) {
            return files.max(Comparator.comparing(RetainedCheckpoints::modified)).map(Path::getParent);
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException("cannot look for checkpoints in " + checkpointDir + ": " + e.getMessage(), e);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
