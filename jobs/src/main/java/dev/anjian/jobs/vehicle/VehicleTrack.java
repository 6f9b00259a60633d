package dev.anjian.jobs.vehicle;

/**
 * What the vehicle rules remember between two reports of one vehicle (times are device event times, 0 =
 * none): the last report's time and bit masks (for edges), and the derived rules' runs and open episodes:
 * speeding since {@code overSince} (episode {@code overspeedStart}), driving since {@code drivingSince},
 * stopped since {@code stoppedSince} (episode {@code fatigueStart}), night driving episode
 * {@code nightStart}. {@code reportedAt} is the processing time of the last report and {@code silenceTimer}
 * the armed silence timer (0 = none), so that a terminal silent for days has its episodes CLEARED.
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
        long nightStart,
        long reportedAt,
        long silenceTimer) {

    static final VehicleTrack NONE = new VehicleTrack(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    VehicleTrack withBits(long time, long alarm, long video, long loss, long occlusion) {
        return new VehicleTrack(time, alarm, video, loss, occlusion, overSince, overspeedStart, drivingSince,
                stoppedSince, fatigueStart, nightStart, reportedAt, silenceTimer);
    }

    VehicleTrack withDriving(long over, long overspeed, long driving, long stopped, long fatigue, long night) {
        return new VehicleTrack(lastEventTime, alarmBits, videoAlarmBits, videoLoss, videoOcclusion, over, overspeed,
                driving, stopped, fatigue, night, reportedAt, silenceTimer);
    }

    VehicleTrack withSilence(long reported, long timer) {
        return new VehicleTrack(lastEventTime, alarmBits, videoAlarmBits, videoLoss, videoOcclusion, overSince,
                overspeedStart, drivingSince, stoppedSince, fatigueStart, nightStart, reported, timer);
    }
}
