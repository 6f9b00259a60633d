package dev.anjian.ingest.mqttserver;

import dev.anjian.events.Device;
import dev.anjian.events.MqttCredential;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * Who may connect: a registered device whose registry entry has an {@code mqttCredential}, with username = its
 * device id and the password behind that credential. Every refusal looks the same to the device (MQTT "bad user
 * name or password"); the reason, for the operator's log, says which rule failed. Unknown devices cost the same
 * hash as known ones, so response times do not tell which device ids exist.
 */
final class DeviceAuthenticator {

    /** What {@link #authenticate} decided. */
    sealed interface Verdict {
    }

    record Admitted(Device device) implements Verdict {
    }

    /** {@code reason} is for logs, e.g. {@code wrong password for device 'GAS-0001'}; it never holds the password. */
    record Refused(String reason) implements Verdict {
    }

    private static final MqttCredential DUMMY = MqttCredential.of("no device has this", new SecureRandom());

    private final DeviceDirectory devices;

    DeviceAuthenticator(DeviceDirectory devices) {
        this.devices = devices;
    }

    Verdict authenticate(String username, byte[] password) {
        if (username == null || username.isEmpty()) {
            DUMMY.matches(password);
            return new Refused("no username (it must be the device id)");
        }
        Optional<Device> device = devices.find(username);
        Optional<MqttCredential> credential = device.flatMap(Device::credential);
        if (credential.isEmpty()) {
            DUMMY.matches(password);
            return new Refused(device.isEmpty() ? "unknown device '" + printable(username) + "'"
                    : "device '" + username + "' has no mqttCredential in the registry");
        }
        if (password == null || password.length == 0) {
            return new Refused("no password for device '" + username + "'");
        }
        if (!credential.get().matches(password)) {
            return new Refused("wrong password for device '" + username + "'");
        }
        return new Admitted(device.get());
    }

    /** A username from the network, made safe for one log line. */
    private static String printable(String text) {
        String oneLine = text.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() <= 64 ? oneLine : oneLine.substring(0, 64) + "...";
    }
}
