package dev.anjian.ingest.mqtt;

import com.fasterxml.jackson.databind.JsonNode;

/** Device input quoted in rejection reasons, shortened so that a reason stays one readable line. */
final class Texts {

    static final int MAX_SHOWN = 48;

    private Texts() {
    }

    static String quoted(String text) {
        return "'" + shorten(text) + "'";
    }

    /** A JSON value as it appeared, e.g. {@code "abc"}, {@code true}, {@code [1,2]}. */
    static String shown(JsonNode node) {
        return shorten(node.toString());
    }

    static String shorten(String text) {
        return shorten(text, MAX_SHOWN);
    }

    static String shorten(String text, int max) {
        String oneLine = text.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "...";
    }
}
