package dev.anjian.jobs.onlinerate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anjian.common.Config;
import dev.anjian.common.ConfigException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OnlineRateSettingsTest {

    @Test
    void defaultsAreChinaLocalDaysEveryMinuteClosedFiveMinutesAfterMidnight() {
        OnlineRateSettings settings = OnlineRateSettings.from(Config.of(Map.of(), Map.of()));

        assertThat(settings.days().zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(settings.emitInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.closeDelay()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.topics().onlineRates()).isEqualTo("anjian.online-rates");
        assertThat(settings.influx().database()).isEqualTo("anjian");
        assertThat(settings.groupId()).isEqualTo("anjian-onlinerate");
        assertThat(settings.parallelism()).isEqualTo(1);
        assertThat(settings.maxParallelism()).isEqualTo(128);
    }

    @Test
    void environmentOverridesAndBadValuesNameTheKey() {
        OnlineRateSettings settings = OnlineRateSettings.from(Config.of(Map.of("onlinerate.emit-interval", "10s"),
                Map.of("ANJIAN_ONLINERATE_TIME_ZONE", "UTC")));
        assertThat(settings.days().zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(settings.emitInterval()).isEqualTo(Duration.ofSeconds(10));

        assertThatThrownBy(() -> OnlineRateSettings.from(Config.of(Map.of("onlinerate.time-zone", "Mars/Olympus"),
                Map.of()))).isInstanceOf(ConfigException.class).hasMessageContaining("onlinerate.time-zone");
        assertThatThrownBy(() -> OnlineRateSettings.from(Config.of(Map.of("onlinerate.emit-interval", "0s"),
                Map.of()))).isInstanceOf(ConfigException.class).hasMessageContaining("onlinerate.emit-interval");
        assertThatThrownBy(() -> OnlineRateSettings.from(Config.of(Map.of("onlinerate.parallelism", "2",
                "onlinerate.max-parallelism", "1"), Map.of()))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("onlinerate.max-parallelism");
    }
}
