package dev.anjian.registry;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** Suggests the allowed word closest to a typo ({@code offlineTimeout} -> {@code offlineTimeoutSeconds}). */
final class DidYouMean {

    private DidYouMean() {
    }

    static String hint(String given, Collection<String> allowed) {
        return closest(given, allowed).map(s -> "did you mean '" + s + "'? ").orElse("");
    }

    static Optional<String> closest(String given, Collection<String> allowed) {
        String g = given.toLowerCase(Locale.ROOT);
        return allowed.stream()
                .filter(a -> {
                    String l = a.toLowerCase(Locale.ROOT);
                    return l.startsWith(g) || g.startsWith(l) || distance(g, l) <= 2;
                })
                .min(Comparator.comparingInt(a -> distance(g, a.toLowerCase(Locale.ROOT))));
    }

    /** Levenshtein edit distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
