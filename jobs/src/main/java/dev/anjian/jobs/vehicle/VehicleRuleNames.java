package dev.anjian.jobs.vehicle;

/** What other operators need to know about vehicle rules, e.g. the alarm lifecycle. */
public final class VehicleRuleNames {

    private VehicleRuleNames() {
    }

    /**
     * True for episodes that only an operator's acknowledgement ends: JT/T 808 acknowledge-cleared alarm
     * bits (SOS, danger warning, area/route in-out ...), the JT/T 1078 acknowledge-cleared video bit, and
     * Su-biao alarms without a start/end flag. Example: {@code jt808:sos} true, {@code jt808:overspeed} false.
     */
    public static boolean endsOnAcknowledge(String rule) {
        return Jt808AlarmBits.endsOnAcknowledge(rule);
    }
}
