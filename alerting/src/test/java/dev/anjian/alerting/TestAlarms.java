package dev.anjian.alerting;

import dev.anjian.events.AlarmEvent;
import dev.anjian.events.AlarmIds;
import dev.anjian.events.AlarmState;
import dev.anjian.events.AlarmType;
import dev.anjian.events.Industry;
import java.time.Instant;

/**
 * Alarm events for tests, named after what they are: by default a level-2 methane alarm at coal
 * working face T1 of 平顶山某煤矿 at 2026-11-29 16:00:05 GMT+8, id {@code A1b2c3d4e5f6a7b}.
 */
public final class TestAlarms {

    /** 2026-11-29 16:00:05 in Asia/Shanghai. */
    public static final Instant T0 = Instant.parse("2026-11-29T08:00:05Z");
    public static final String COAL = "E-HN-COAL-01";
    public static final String NH3 = "E-HN-NH3-01";
    public static final String DUST = "E-HN-DUST-01";

    private String alarmId = "A1b2c3d4e5f6a7b";
    private AlarmState state = AlarmState.RAISED;
    private AlarmType type = AlarmType.THRESHOLD;
    private String rule = "threshold:CH4";
    private String deviceId = "HN-PDS-CM01-CH4-T1";
    private String enterpriseId = COAL;
    private String enterpriseName = "平顶山某煤矿";
    private Industry industry = Industry.COAL_MINE;
    private String location = "1201回采工作面T1";
    private String metric = "CH4";
    private String unit = "%";
    private int level = 2;
    private double value = 1.62;
    private double threshold = 1.5;
    private long eventTime = T0.toEpochMilli();
    private boolean backfilled;
    private String regionCode = "410400";

    private TestAlarms() {
    }

    public static TestAlarms methane() {
        return new TestAlarms();
    }

    /** An ammonia alarm of the cold store, id derived like the job derives it. */
    public static TestAlarms ammonia(String deviceId, long episodeStart) {
        TestAlarms a = new TestAlarms();
        a.deviceId = deviceId;
        a.rule = "threshold:NH3";
        a.alarmId = AlarmIds.of(deviceId, a.rule, episodeStart);
        a.enterpriseId = NH3;
        a.enterpriseName = "某冷链物流公司";
        a.industry = Industry.AMMONIA_REFRIGERATION;
        a.location = "氨制冷机房";
        a.metric = "NH3";
        a.unit = "ppm";
        a.level = 1;
        a.value = 31;
        a.threshold = 25;
        a.eventTime = episodeStart;
        return a;
    }

    /** A methane alarm with an id derived from device and episode start. */
    public static TestAlarms methane(String deviceId, long episodeStart) {
        TestAlarms a = new TestAlarms();
        a.deviceId = deviceId;
        a.alarmId = AlarmIds.of(deviceId, a.rule, episodeStart);
        a.eventTime = episodeStart;
        return a;
    }

    public TestAlarms id(String id) { this.alarmId = id; return this; }
    public TestAlarms state(AlarmState s) { this.state = s; return this; }
    public TestAlarms type(AlarmType t) { this.type = t; return this; }
    public TestAlarms rule(String r) { this.rule = r; return this; }
    public TestAlarms device(String d) { this.deviceId = d; return this; }
    public TestAlarms enterprise(String id, String name) { this.enterpriseId = id; this.enterpriseName = name; return this; }
    public TestAlarms location(String l) { this.location = l; return this; }
    public TestAlarms metric(String m, String u) { this.metric = m; this.unit = u; return this; }
    public TestAlarms level(int l) { this.level = l; return this; }
    public TestAlarms value(double v) { this.value = v; return this; }
    public TestAlarms threshold(double t) { this.threshold = t; return this; }
    public TestAlarms at(Instant t) { this.eventTime = t.toEpochMilli(); return this; }
    public TestAlarms backfilled(boolean b) { this.backfilled = b; return this; }
    public TestAlarms region(String r) { this.regionCode = r; return this; }

    public AlarmEvent build() {
        return new AlarmEvent(alarmId, state, type, rule, deviceId, enterpriseId, enterpriseName, regionCode, industry,
                location, metric, unit, level, value, threshold, eventTime, eventTime, backfilled,
                null, null);
    }
}
