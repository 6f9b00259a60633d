package dev.anjian.registry;

import java.util.HashMap;
import java.util.Map;

/** Remembers where each value was first seen, so a duplicate's error names both lines. */
final class Uniqueness {

    private final String what;
    private final Map<String, Integer> firstLine = new HashMap<>();

    Uniqueness(String what) {
        this.what = what;
    }

    /** Claims {@code key} (as compared) for {@code line}; {@code shown} is the value as written. */
    void claim(String key, String shown, int line, String path, ErrorCollector errors) {
        Integer first = firstLine.putIfAbsent(key, line);
        if (first != null) {
            errors.add(line, path, "duplicate " + what + " '" + shown + "', first defined at line " + first);
        }
    }
}
