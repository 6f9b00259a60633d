package dev.anjian.registry;

/**
 * One problem in a registry file, located by file, 1-based line and field path, e.g.
 * {@code henan-example.yaml:42: enterprises[0].devices[3].metrics[0].levels: must be strictly increasing
 * for a HIGH metric, was [1.5, 1.0]}. Line 0 means the problem concerns the whole file (unreadable).
 */
public record RegistryError(String file, int line, String path, String message) {

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line);
        }
        text.append(": ");
        if (!path.isEmpty()) {
            text.append(path).append(": ");
        }
        return text.append(message).toString();
    }
}
