package dev.anjian.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MqttCredentialTest {

    /** SHA-256(bytes 00..0f || "s3cret-GAS-0001"), computed independently (Python hashlib). */
    static final String KNOWN = "sha256:000102030405060708090a0b0c0d0e0f:"
            + "6ff75764989b3ac9f61fe86a7a66c3b1950d470dc3409b97a87de5d250fe6c40";

    @Test
    void aKnownCredentialMatchesItsPasswordAndNothingElse() {
        MqttCredential credential = MqttCredential.parse(KNOWN);

        assertThat(credential.matches("s3cret-GAS-0001")).isTrue();
        assertThat(credential.matches("s3cret-GAS-0001".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isTrue();
        assertThat(credential.matches("s3cret-GAS-0002")).isFalse();
        assertThat(credential.matches("s3cret-GAS-000")).isFalse();
        assertThat(credential.matches("")).isFalse();
        assertThat(credential.matches((String) null)).isFalse();
        assertThat(credential.matches((byte[]) null)).isFalse();
        assertThat(credential.text()).isEqualTo(KNOWN);
    }

    @Test
    void aNewCredentialHasAFreshSaltAndRoundTripsThroughItsText() {
        Random random = new SecureRandom();
        MqttCredential one = MqttCredential.of("密码-with-ünïcode", random);
        MqttCredential two = MqttCredential.of("密码-with-ünïcode", random);

        assertThat(one.text()).matches("sha256:[0-9a-f]{32}:[0-9a-f]{64}");
        assertThat(one).isNotEqualTo(two); // same password, different salts
        assertThat(MqttCredential.parse(one.text())).isEqualTo(one);
        assertThat(MqttCredential.parse(one.text()).matches("密码-with-ünïcode")).isTrue();
        assertThat(two.matches("密码-with-ünïcode")).isTrue();
        assertThat(MqttCredential.parse(KNOWN.toUpperCase().replace("SHA256", "sha256")).matches("s3cret-GAS-0001")).isTrue();
    }

    @Test
    void anEmptyPasswordIsRefused() {
        assertThatThrownBy(() -> MqttCredential.of("", new SecureRandom())).hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> MqttCredential.of(null, new SecureRandom())).hasMessageContaining("must not be empty");
    }

    @Test
    void malformedTextIsRefusedNamingTheFieldWithoutEchoingTheValue() {
        String hash = KNOWN.substring(KNOWN.lastIndexOf(':') + 1);
        for (String bad : List.of("hunter2", "sha256:hunter2", "md5:0001020304050607:" + hash,
                "sha256:000102030405060708090a0b0c0d0e0f:" + hash + ":x", "sha256::" + hash,
                "sha256:0001020304050607zz:" + hash, "sha256:000102030405060:" + hash,
                "sha256:00010203:" + hash, "sha256:000102030405060708090a0b0c0d0e0f:" + hash.substring(2), "")) {
            assertThatThrownBy(() -> MqttCredential.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("field 'mqttCredential' must")
                    .hasMessageContaining("anjian registry hash-password")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
        }
        assertThatThrownBy(() -> MqttCredential.parse("sha256:00010203:" + hash)).hasMessageContaining("salt of 8 to 64 bytes, had 4");
    }

    @Test
    void aDeviceWithAMalformedCredentialCannotBeBuiltAndOneWithoutHasNone() {
        Device sensor = new Device("GAS-0001", DeviceKind.GAS_SENSOR, "E-1", "test", "410100", Industry.COAL_MINE, "",
                60, List.of(), null);
        assertThat(sensor.mqttCredential()).isNull();
        assertThat(sensor.credential()).isEmpty();

        Device connectable = sensor.withMqttCredential(MqttCredential.parse(KNOWN));
        assertThat(connectable.mqttCredential()).isEqualTo(KNOWN);
        assertThat(connectable.credential()).hasValueSatisfying(c -> assertThat(c.matches("s3cret-GAS-0001")).isTrue());

        assertThatThrownBy(() -> new Device("GAS-0001", DeviceKind.GAS_SENSOR, "E-1", "test", "410100",
                Industry.COAL_MINE, "", 60, List.of(), null, "plain-password"))
                .hasMessageStartingWith("field 'mqttCredential' must be");
        assertThatThrownBy(() -> EventJson.read(EventJson.writeString(sensor).replace("}", ",\"mqttCredential\":\"x\"}"),
                Device.class)).isInstanceOf(EventFormatException.class).hasMessageContaining("field 'mqttCredential'");
    }
}
