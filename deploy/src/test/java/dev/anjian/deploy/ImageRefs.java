package dev.anjian.deploy;

import java.util.regex.Pattern;

/**
 * The pinning rule for container images: a tag with a version number (or a digest), never {@code latest} or a
 * bare name; our own images ({@code anjian/...}) tagged with the project version, so a release bumps them.
 * {@code apache/kafka:4.2.0} is fine, {@code grafana/grafana} and {@code flink:latest} are not.
 */
final class ImageRefs {

    private static final Pattern VERSIONED_TAG = Pattern.compile("[A-Za-z0-9_.-]*\\d+(\\.\\d+)+[A-Za-z0-9_.-]*");

    private ImageRefs() {
    }

    /** Why {@code image} is not pinned, or null. */
    static String problem(String image, String projectVersion) {
        if (image == null || image.isBlank()) {
            return "no image";
        }
        if (image.contains("@sha256:")) {
            return null;
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        if (colon < slash + 1) {
            return "image " + image + " has no tag: pin a version";
        }
        String name = image.substring(0, colon);
        String tag = image.substring(colon + 1);
        if (name.startsWith("anjian/")) {
            return tag.equals(projectVersion) ? null
                    : "image " + image + " is ours: tag it with the project version " + projectVersion;
        }
        if (!VERSIONED_TAG.matcher(tag).matches()) {
            return "image " + image + " is not pinned to a version (tag '" + tag + "')";
        }
        return null;
    }
}
