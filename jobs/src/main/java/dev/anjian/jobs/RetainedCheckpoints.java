package dev.anjian.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
        for (int attempt = 1; ; attempt++) {
            try {
                return newest(checkpointDir);
            } catch (IllegalStateException e) {
                if (attempt == 3 || !(e.getCause() instanceof UncheckedIOException u
                        && u.getCause() instanceof NoSuchFileException)) {
                    throw e;
                }
                // a checkpoint folder vanished during the walk (deleted by a running job): look again
            }
        }
    }

    private static Optional<Path> newest(Path checkpointDir) {
        try (Stream<Path> files = Files.find(checkpointDir, 3, (path, attributes) -> attributes.isRegularFile()
                && path.getFileName().toString().equals("_metadata")
                && path.getParent().getFileName().toString().startsWith("chk-"))) {
            return files.max(Comparator.comparing(RetainedCheckpoints::modified)).map(Path::getParent);
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException("cannot look for checkpoints in " + checkpointDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * A checkpoint deleted while we look (a running job drops subsumed ones, always older than the newest)
     * counts as the oldest rather than failing the lookup.
     */
    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (NoSuchFileException e) {
            return FileTime.fromMillis(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
