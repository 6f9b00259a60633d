package dev.anjian.jobs;

import dev.anjian.events.AlarmEvent;
import dev.anjian.events.AlarmIds;
import dev.anjian.events.AlarmState;
import dev.anjian.events.AlarmType;
import dev.anjian.events.Device;

/**
 * Builds the {@link AlarmEvent}s of every detector from the device's registry entry, so owner, place and
 * industry travel with each alarm. The id depends only on device, rule and episode start: every event of
 * one episode, and a replay of it after a restart, carries the same id.
 */
public final class Alarms {

    /** The note of the CLEARED that ends the open episodes of a device removed from the registry. */
    public static final String DEVICE_REMOVED = "device removed from the registry";

    private Alarms() {
    }

    /** One state change of an episode; {@code metric} may be null (offline, vehicle rules). */
    public static AlarmEvent of(Device device, AlarmState state, AlarmType type, String rule, Measure measure,
            long episodeStart, long eventTime, boolean backfilled) {
        return new AlarmEvent(AlarmIds.of(device.deviceId(), rule, episodeStart), state, type, rule,
                device.deviceId(), device.enterpriseId(), device.enterpriseName(), device.regionCode(),
                device.industry(), device.location(), measure.metric(), measure.unit(), measure.level(),
                measure.value(), measure.threshold(), episodeStart, eventTime, backfilled, null, null);
    }

    /**
     * The CLEARED that ends an open episode the detector can no longer follow (device removed, no report for
     * days): same id as its RAISED, so alerting closes it; {@code why} goes in the note.
     */
    public static AlarmEvent ended(Device device, AlarmType type, String rule, Measure measure, long episodeStart,
            long eventTime, String why) {
        long at = Math.max(eventTime, episodeStart); // never before it began (a device clock ahead of ours)
        AlarmEvent cleared = of(device, AlarmState.CLEARED, type, rule, measure, episodeStart, at, false);
        return withState(cleared, AlarmState.CLEARED, at, null, why);
    }

    /** The same alarm in another state, e.g. ACKNOWLEDGED by an operator with a note. */
    public static AlarmEvent withState(AlarmEvent alarm, AlarmState state, long eventTime, String operator, String note) {
        return new AlarmEvent(alarm.alarmId(), state, alarm.type(), alarm.rule(), alarm.deviceId(),
                alarm.enterpriseId(), alarm.enterpriseName(), alarm.regionCode(), alarm.industry(), alarm.location(),
                alarm.metric(), alarm.unit(), alarm.level(), alarm.value(), alarm.threshold(), alarm.episodeStart(),
                eventTime, alarm.backfilled(), operator, note);
    }

    /** What an alarm measured: e.g. CH4 in % at level 2, value 1.6 against threshold 1.5. */
    public record Measure(String metric, String unit, int level, double value, double threshold) {

        public static Measure of(String unit, int level, double value, double threshold) {
            return new Measure(null, unit, level, value, threshold);
        }
    }
}
