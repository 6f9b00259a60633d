package dev.anjian.simulator.vehicle;

import dev.anjian.ingest.jt808.codec.Jt808Time;
import dev.anjian.ingest.jt808.message.AdditionalItems;
import dev.anjian.ingest.jt808.message.LocationReport;

/**
 * Where one simulated vehicle is and what its terminal flags, as a pure function of seconds since start:
 * eastward along a line out of Zhengzhou at cruise speed; the vehicle with {@code overspeeding} set drives
 * above its limit from 20 s to 50 s (808 alarm bit 13 overspeed warning in the 5 s before, then bit 1
 * overspeed, cleared when it slows down: the alarm-end report).
 */
record Drive(int vehicleIndex, int speedLimitKmh, boolean overspeeding) {

    static final long ALARM_OVERSPEED = 1L << 1;
    static final long ALARM_OVERSPEED_WARNING = 1L << 13;
    /** ACC on, positioned, GPS and BeiDou used. */
    static final long STATUS_DRIVING = 0b11 | (1L << 18) | (1L << 19);

    LocationReport at(long secondsSinceStart, long epochMillis) {
        double speedKmh = speedKmh(secondsSinceStart);
        long lat = 34_746_600 + vehicleIndex * 2_000L;
        long lon = 113_625_300 + (long) (secondsSinceStart * speedKmh / 3.6 * 10.5); // ~1e-5 deg per metre
        AdditionalItems items = AdditionalItems.builder().build();
        return new LocationReport(alarmBits(secondsSinceStart), STATUS_DRIVING, lat, lon, 110, (int) Math.round(speedKmh * 10),
                90, Jt808Time.fromEpochMillis(epochMillis), items);
    }

    double speedKmh(long s) {
        if (overspeeding && s >= 20 && s < 50) {
            return speedLimitKmh + 15;
        }
        return speedLimitKmh - 15;
    }

    long alarmBits(long s) {
        if (!overspeeding) {
            return 0;
        }
        if (s >= 15 && s < 20) {
            return ALARM_OVERSPEED_WARNING;
        }
        return s >= 20 && s < 50 ? ALARM_OVERSPEED : 0;
    }
}
