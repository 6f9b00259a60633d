package dev.anjian.jobs.vehicle;

/**
 * What the vehicle rules remember between two reports of one vehicle (times are device event times, 0 =
 * none): the last report's time and bit masks (for edges), and the derived rules' runs and open episodes:
 * speeding since {@code overSince} (episode {@code overspeedStart}), driving since {@code drivingSince},
 * stopped since {@code stoppedSince} (episode {@code fatigueStart}), night driving episode
 * {@code nightStart}.
 */
public record VehicleTrack(
        long lastEventTime,
        long alarmBits,
        long videoAlarmBits,
        long videoLoss,
        long videoOcclusion,
        long overSince,
        long overspeedStart,
        long drivingSince,
        long stoppedSince,
        long fatigueStart,
        long nightStart) {

    static final VehicleTrack NONE = new VehicleTrack(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    VehicleTrack withBits(long time, long alarm, long video, long loss, long occlusion) {
        return new VehicleTrack(time, alarm, video, loss, occlusion, overSince, overspeedStart, drivingSince,
                stoppedSince, fatigueStart, nightStart);
    }

    VehicleTrack withDriving(long over, long overspeed, long driving, long stopped, long fatigue, long night) {
        return new VehicleTrack(lastEventTime, alarmBits, videoAlarmBits, videoLoss, videoOcclusion, over, overspeed,
                driving, stopped, fatigue, night);
    }
}
