package dev.anjian.bench.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The ground truth of a run, decided before it starts: which sensors breach their CH4 level 1 and when
 * (then return to normal: one RAISED and one CLEARED each), and which sensors fall silent and when (one
 * OFFLINE each, their timeout later). Times are milliseconds since the load started. Each incident gets a
 * sensor of its own enterprise, so alerting's per-enterprise storm grouping never merges two incidents'
 * SMS: breach k uses the first sensor of enterprise k, silence j the first sensor of enterprise
 * {@code breaches + j}. Incidents are spread evenly over the measured window, e.g. 4 breaches over
 * [20 s, 100 s) start at 20, 40, 60 and 80 s.
 */
public final class IncidentPlan {

    public record Breach(int sensor, long startMs, long endMs) {
    }

    public record Silence(int sensor, long stopMs) {
    }

    private final List<Breach> breaches;
    private final List<Silence> silences;
    private final long[] breachStart;
    private final long[] breachEnd;
    private final long[] silentFrom;

    private IncidentPlan(int sensors, List<Breach> breaches, List<Silence> silences) {
        this.breaches = List.copyOf(breaches);
        this.silences = List.copyOf(silences);
        breachStart = new long[sensors];
        breachEnd = new long[sensors];
        silentFrom = new long[sensors];
        Arrays.fill(breachStart, Long.MAX_VALUE);
        Arrays.fill(silentFrom, Long.MAX_VALUE);
        breaches.forEach(b -> {
            breachStart[b.sensor()] = b.startMs();
            breachEnd[b.sensor()] = b.endMs();
        });
        silences.forEach(s -> silentFrom[s.sensor()] = s.stopMs());
    }

    /**
     * Spreads {@code breaches} breaches of {@code breachMs} each over {@code [fromMs, toMs)} and
     * {@code silences} silences over {@code [silencesFromMs, toMs)}, so that every breach has cleared and every
     * silent sensor has passed its {@code offlineTimeoutMs} (plus 2 s) before {@code toMs}.
     */
    public static IncidentPlan spread(int sensors, int perEnterprise, int breaches, int silences, long fromMs,
            long silencesFromMs, long toMs, long breachMs, long offlineTimeoutMs) {
        int enterprises = (sensors + perEnterprise - 1) / perEnterprise;
        if (breaches + silences > enterprises) {
            throw new IllegalArgumentException(breaches + " breaches + " + silences + " silences need as many enterprises, "
                    + "but " + sensors + " sensors at " + perEnterprise + " per enterprise make only " + enterprises);
        }
        long breachRoom = toMs - breachMs - 2_000 - fromMs;
        long silenceRoom = toMs - offlineTimeoutMs - 2_000 - silencesFromMs;
        if ((breaches > 0 && breachRoom <= 0) || (silences > 0 && silenceRoom <= 0)) {
            throw new IllegalArgumentException("the run is too short: breaches of " + breachMs + " ms from " + fromMs
                    + " ms and silences (offline timeout " + offlineTimeoutMs + " ms) from " + silencesFromMs
                    + " ms must end 2 s before the load does at " + toMs + " ms");
        }
        List<Breach> b = new ArrayList<>();
        for (int k = 0; k < breaches; k++) {
            long start = fromMs + breachRoom * k / breaches;
            b.add(new Breach(k * perEnterprise, start, start + breachMs));
        }
        List<Silence> s = new ArrayList<>();
        for (int j = 0; j < silences; j++) {
            s.add(new Silence((breaches + j) * perEnterprise, silencesFromMs + silenceRoom * j / silences));
        }
        return new IncidentPlan(sensors, b, s);
    }

    public List<Breach> breaches() {
        return breaches;
    }

    public List<Silence> silences() {
        return silences;
    }

    public boolean breaching(int sensor, long sinceStartMs) {
        return sinceStartMs >= breachStart[sensor] && sinceStartMs < breachEnd[sensor];
    }

    /** After its breach: the first reading from here on clears the episode. */
    public boolean breachOver(int sensor, long sinceStartMs) {
        return breachStart[sensor] != Long.MAX_VALUE && sinceStartMs >= breachEnd[sensor];
    }

    public boolean silent(int sensor, long sinceStartMs) {
        return sinceStartMs >= silentFrom[sensor];
    }

    public boolean silenced(int sensor) {
        return known(sensor) && silentFrom[sensor] != Long.MAX_VALUE;
    }

    public boolean hasBreach(int sensor) {
        return known(sensor) && breachStart[sensor] != Long.MAX_VALUE;
    }

    private boolean known(int sensor) {
        return sensor >= 0 && sensor < silentFrom.length;
    }
}
