package dev.anjian.events;

/** Field checks for record constructors; failures name the field so a bad payload says what is wrong. */
final class Require {

    private Require() {
    }

    static <T> T present(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("missing required field '" + field + "'");
        }
        return value;
    }

    static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing required field '" + field + "'");
        }
        return value;
    }

    static long epochMillis(long value, String field) {
        if (value <= 0) {
            throw new IllegalArgumentException("field '" + field + "' must be epoch milliseconds > 0, was " + value);
        }
        return value;
    }

    static double finite(double value, String field) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("field '" + field + "' must be a finite number, was " + value);
        }
        return value;
    }
}
