package dev.anjian.ingest.mqttserver;

import static dev.anjian.ingest.mqttserver.TestDevices.DUST;
import static dev.anjian.ingest.mqttserver.TestDevices.ENTERPRISE;
import static dev.anjian.ingest.mqttserver.TestDevices.GAS;
import static dev.anjian.ingest.mqttserver.TestDevices.NH3;
import static dev.anjian.ingest.mqttserver.TestDevices.password;
import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.ingest.mqttserver.DeviceAuthenticator.Admitted;
import dev.anjian.ingest.mqttserver.DeviceAuthenticator.Refused;
import dev.anjian.ingest.mqttserver.DeviceAuthenticator.Verdict;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Who may connect (registry credential) and where an admitted device may publish (its own topic only). */
class DeviceAuthenticatorTest {

    private final DeviceDirectory directory = DeviceDirectory.of(TestDevices.registry());
    private final DeviceAuthenticator authenticator = new DeviceAuthenticator(directory);

    private Verdict login(String username, String password) {
        return authenticator.authenticate(username, password == null ? null : password.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRegisteredDeviceWithItsPasswordIsAdmittedAsThatDevice() {
        assertThat(login(GAS, password(GAS))).isInstanceOfSatisfying(Admitted.class,
                a -> assertThat(a.device().deviceId()).isEqualTo(GAS));
        assertThat(login(NH3, password(NH3))).isInstanceOfSatisfying(Admitted.class,
                a -> assertThat(a.device().deviceId()).isEqualTo(NH3));
    }

    @Test
    void everyOtherLoginIsRefusedWithAReasonThatNeverHoldsThePassword() {
        assertThat(login(GAS, password(NH3))).isEqualTo(new Refused("wrong password for device '" + GAS + "'"));
        assertThat(login(GAS, password(GAS) + " ")).isEqualTo(new Refused("wrong password for device '" + GAS + "'"));
        assertThat(login(GAS, null)).isEqualTo(new Refused("no password for device '" + GAS + "'"));
        assertThat(login(GAS, "")).isEqualTo(new Refused("no password for device '" + GAS + "'"));
        assertThat(login("NOBODY", password(GAS))).isEqualTo(new Refused("unknown device 'NOBODY'"));
        assertThat(login(DUST, password(DUST))).isEqualTo(
                new Refused("device '" + DUST + "' has no mqttCredential in the registry"));
        assertThat(login(null, password(GAS))).isEqualTo(new Refused("no username (it must be the device id)"));
        assertThat(login("", password(GAS))).isInstanceOf(Refused.class);
        assertThat(login("evil\nline", "x")).isEqualTo(new Refused("unknown device 'evil?line'"));
    }

    @Test
    void registryChangesApplyToTheNextLogin() {
        directory.remove(GAS);
        assertThat(login(GAS, password(GAS))).isEqualTo(new Refused("unknown device '" + GAS + "'"));
        directory.put(TestDevices.sensor(GAS)); // back, but without a credential
        assertThat(login(GAS, password(GAS))).isInstanceOf(Refused.class);
        directory.put(TestDevices.withCredential(GAS));
        assertThat(login(GAS, password(GAS))).isInstanceOf(Admitted.class);
    }

    @Test
    void anAdmittedDeviceMayPublishOnlyToItsOwnTopic() {
        PublishGrant grant = PublishGrant.of(TestDevices.withCredential(GAS));

        assertThat(grant.topic()).isEqualTo("anjian/telemetry/" + ENTERPRISE + "/" + GAS);
        assertThat(grant.refusal("anjian/telemetry/" + ENTERPRISE + "/" + GAS)).isEmpty();
        assertThat(grant.refusal("anjian/telemetry/" + ENTERPRISE + "/" + NH3)).contains("not authorized: device '" + GAS
                + "' may publish only to 'anjian/telemetry/" + ENTERPRISE + "/" + GAS + "', not to 'anjian/telemetry/"
                + ENTERPRISE + "/" + NH3 + "'");
        for (String other : new String[] {"anjian/telemetry/E-OTHER/" + GAS, "anjian/telemetry/" + ENTERPRISE + "/" + GAS + "/x",
                "anjian/telemetry/" + ENTERPRISE + "/+", "anjian/telemetry/#", "", "ANJIAN/telemetry/" + ENTERPRISE + "/" + GAS}) {
            assertThat(grant.refusal(other)).as(other).isPresent();
        }
        assertThat(grant.refusal(null)).hasValueSatisfying(r -> assertThat(r).endsWith("not to (none)"));
        assertThat(grant.refusal("x".repeat(5000)).orElseThrow()).hasSizeLessThan(300);
    }
}
