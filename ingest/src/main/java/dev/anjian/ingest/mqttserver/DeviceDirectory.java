package dev.anjian.ingest.mqttserver;

import dev.anjian.events.Device;
import dev.anjian.ingest.jt808.RegistryFollower;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The registered devices as the endpoint sees them, by device id, kept current by a {@link RegistryFollower}.
 * A new CONNECT is checked against the current entry; a removal (tombstone) also tells the endpoint, which
 * closes the removed device's open connection. Thread-safe.
 */
public final class DeviceDirectory implements RegistryFollower.Listener {

    private final Map<String, Device> byId = new ConcurrentHashMap<>();
    private volatile Consumer<String> onRemoved = id -> { };

    public static DeviceDirectory of(Collection<Device> devices) {
        DeviceDirectory directory = new DeviceDirectory();
        devices.forEach(directory::put);
        return directory;
    }

    @Override
    public void put(Device device) {
        byId.put(device.deviceId(), device);
    }

    @Override
    public void remove(String deviceId) {
        if (byId.remove(deviceId) != null) {
            onRemoved.accept(deviceId);
        }
    }

    @Override
    public String summary() {
        return size() + " devices known, " + withCredential() + " of them with an MQTT credential";
    }

    public Optional<Device> find(String deviceId) {
        return Optional.ofNullable(byId.get(deviceId));
    }

    public int size() {
        return byId.size();
    }

    public long withCredential() {
        return byId.values().stream().filter(d -> d.mqttCredential() != null).count();
    }

    /** Called with the id of every device removed from the registry (on the follower's thread). */
    void onRemoved(Consumer<String> listener) {
        this.onRemoved = listener;
    }
}
