package dev.anjian.jobs.vehicle;

/**
 * A condition that began ({@code rising}) or ended in one report: an alarm bit set or cleared, a video
 * channel lost or back, a Su-biao start or end. {@code lasting} conditions are open episodes until their
 * falling edge; the others (acknowledge-cleared) are announced once and end on acknowledgement.
 */
record Edge(String rule, boolean rising, boolean lasting, int level) {

    static Edge rise(String rule, boolean lasting, int level) {
        return new Edge(rule, true, lasting, level);
    }

    static Edge fall(String rule, int level) {
        return new Edge(rule, false, true, level);
    }
}
