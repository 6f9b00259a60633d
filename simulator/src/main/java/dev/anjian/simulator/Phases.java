package dev.anjian.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** An incident's named phases, each from an offset (seconds after the incident's start) until the next. */
final class Phases {

    /** A phase: {@code number} 0 is "not started yet", then 1, 2, ... in order. */
    record Phase(int number, String description) {
    }

    static final Phase PENDING = new Phase(0, "pending");

    private final List<Double> offsets = new ArrayList<>();
    private final List<String> descriptions = new ArrayList<>();

    Phases then(double offsetSeconds, String description) {
        offsets.add(offsetSeconds);
        descriptions.add(description);
        return this;
    }

    Phase at(double secondsSinceStart) {
        Phase phase = PENDING;
        for (int i = 0; i < offsets.size() && secondsSinceStart >= offsets.get(i); i++) {
            phase = new Phase(i + 1, descriptions.get(i));
        }
        return phase;
    }

    /** A value for a log line: 62.5, 1.04, 1440 (at most two decimals, no trailing zeros). */
    static String number(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
