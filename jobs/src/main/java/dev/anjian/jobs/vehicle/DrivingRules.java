package dev.anjian.jobs.vehicle;

import dev.anjian.events.AlarmState;
import dev.anjian.events.VehicleInfo;
import dev.anjian.jobs.Alarms.Measure;
import java.util.List;

/**
 * The rules derived from speed and time, a pure function of (track, vehicle, speed, report time):
 * <ul>
 *   <li>{@code overspeed}: above the vehicle's speed limit for {@code overspeedFor}; the episode starts when
 *       the speeding began and clears at the first report at or below the limit;</li>
 *   <li>{@code fatigue-driving}: driving longer than {@code maxContinuousDriving} without a rest of
 *       {@code minRest} (stopped, or silent, that long); the episode starts when the limit was passed and
 *       clears once the rest is complete;</li>
 *   <li>{@code night-driving}: a coach moving between the night window's start and end (local time); clears
 *       outside the window or after a rest.</li>
 * </ul>
 * Example, limit 100 km/h, 10 s: 105 at 08:00:00, 110 at 08:00:05, 104 at 08:00:10 RAISED (episode
 * 08:00:00), 98 at 08:00:15 CLEARED.
 */
final class DrivingRules {

    static final String OVERSPEED = "overspeed";
    static final String FATIGUE = "fatigue-driving";
    static final String NIGHT = "night-driving";

    private DrivingRules() {
    }

    /** One change of a derived episode. */
    record Change(String rule, AlarmState state, long episodeStart, Measure measure) {
    }

    static VehicleTrack evaluate(VehicleTrack track, VehicleInfo vehicle, double speedKmh, long time,
            VehicleRuleSettings settings, List<Change> changes) {
        boolean moving = speedKmh >= settings.movingSpeedKmh();
        long minRest = settings.minRest().toMillis();
        boolean rested = track.lastEventTime() > 0 && time - track.lastEventTime() >= minRest;
        long stoppedSince = track.stoppedSince();
        if (moving) {
            rested |= stoppedSince != 0 && time - stoppedSince >= minRest;
            stoppedSince = 0;
        } else if (stoppedSince == 0) {
            stoppedSince = time;
        } else {
            rested |= time - stoppedSince >= minRest;
        }

        long[] overspeed = overspeed(track, vehicle, speedKmh, time, settings, changes);
        long drivingSince = rested ? 0 : track.drivingSince();
        long fatigueStart = track.fatigueStart();
        double maxHours = settings.maxContinuousDriving().toMillis() / 3_600_000.0;
        if (rested && fatigueStart != 0) {
            double drivenHours = (time - track.drivingSince()) / 3_600_000.0;
            changes.add(new Change(FATIGUE, AlarmState.CLEARED, fatigueStart, Measure.of("h", 1, drivenHours, maxHours)));
            fatigueStart = 0;
        }
        if (moving) {
            drivingSince = drivingSince == 0 ? time : drivingSince;
            long limitPassed = drivingSince + settings.maxContinuousDriving().toMillis();
            if (fatigueStart == 0 && time > limitPassed) {
                fatigueStart = limitPassed;
                double drivenHours = (time - drivingSince) / 3_600_000.0;
                changes.add(new Change(FATIGUE, AlarmState.RAISED, fatigueStart, Measure.of("h", 1, drivenHours, maxHours)));
            }
        }
        long nightStart = night(track.nightStart(), vehicle, moving, rested, speedKmh, time, settings, changes);
        return track.withDriving(overspeed[0], overspeed[1], drivingSince, stoppedSince, fatigueStart, nightStart);
    }

    /** Returns {overSince, overspeedStart}. */
    private static long[] overspeed(VehicleTrack track, VehicleInfo vehicle, double speedKmh, long time,
            VehicleRuleSettings settings, List<Change> changes) {
        int limit = vehicle.speedLimitKmh();
        if (limit <= 0) {
            return new long[] {0, 0};
        }
        Measure measure = Measure.of("km/h", 1, speedKmh, limit);
        if (speedKmh > limit) {
            long overSince = track.overSince() == 0 ? time : track.overSince();
            if (track.overspeedStart() == 0 && time - overSince >= settings.overspeedFor().toMillis()) {
                changes.add(new Change(OVERSPEED, AlarmState.RAISED, overSince, measure));
                return new long[] {overSince, overSince};
            }
            return new long[] {overSince, track.overspeedStart()};
        }
        if (track.overspeedStart() != 0) {
            changes.add(new Change(OVERSPEED, AlarmState.CLEARED, track.overspeedStart(), measure));
        }
        return new long[] {0, 0};
    }

    private static long night(long nightStart, VehicleInfo vehicle, boolean moving, boolean rested, double speedKmh,
            long time, VehicleRuleSettings settings, List<Change> changes) {
        boolean inWindow = settings.isNight(time);
        Measure measure = Measure.of("km/h", 1, speedKmh, 0.0);
        if (nightStart != 0 && (!inWindow || rested)) {
            changes.add(new Change(NIGHT, AlarmState.CLEARED, nightStart, measure));
            nightStart = 0;
        }
        boolean coach = vehicle.vehicleClass() == VehicleInfo.VehicleClass.COACH
                || vehicle.vehicleClass() == VehicleInfo.VehicleClass.TOURIST_COACH;
        if (nightStart == 0 && coach && moving && inWindow) {
            changes.add(new Change(NIGHT, AlarmState.RAISED, time, measure));
            return time;
        }
        return nightStart;
    }
}
