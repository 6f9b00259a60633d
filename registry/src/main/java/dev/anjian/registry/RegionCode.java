package dev.anjian.registry;

import java.util.Optional;
import java.util.Set;

/**
 * Checks a GB/T 2260 administrative division code: six digits, the first two a province (41 Henan),
 * e.g. 410100 Zhengzhou, 410400 Pingdingshan. The province list catches swapped or shifted digits; the
 * city and county digits are not checked against the (yearly revised) code table.
 */
final class RegionCode {

    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
            "71", "81", "82");

    private RegionCode() {
    }

    /** The problem with {@code code}, or empty when it is well-formed. */
    static Optional<String> problem(String code) {
        if (!code.matches("\\d{6}")) {
            return Optional.of("must be a 6-digit GB/T 2260 code such as 410100 (Zhengzhou), was '" + code + "'");
        }
        if (!PROVINCES.contains(code.substring(0, 2))) {
            return Optional.of("'" + code + "' does not start with a GB/T 2260 province code (Henan is 41)");
        }
        return Optional.empty();
    }
}
