package dev.anjian.ingest.jt808;

import dev.anjian.events.Device;
import dev.anjian.ingest.jt808.codec.Header;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The vehicle terminals the registry knows, by terminal key (phone digits without leading zeros, so a 2013
 * header's 013800000001 and a 2019 header's 00000000013800000001 are the same terminal). Thread-safe:
 * {@link RegistryFollower} updates it while event loops read it.
 */
public final class KnownTerminals {

    private final Map<String, Device> byTerminal = new ConcurrentHashMap<>();
    private final Map<String, String> terminalByDevice = new ConcurrentHashMap<>();

    public static KnownTerminals of(Collection<Device> devices) {
        KnownTerminals known = new KnownTerminals();
        devices.forEach(known::put);
        return known;
    }

    /** Adds or replaces a device; devices without a vehicle (sensors) are ignored. */
    public void put(Device device) {
        remove(device.deviceId());
        if (device.vehicle() == null) {
            return;
        }
        String key = Header.terminalKey(device.vehicle().terminalPhone());
        byTerminal.put(key, device);
        terminalByDevice.put(device.deviceId(), key);
    }

    public void remove(String deviceId) {
        String key = terminalByDevice.remove(deviceId);
        if (key != null) {
            byTerminal.remove(key);
        }
    }

    public Optional<Device> find(String terminalKey) {
        return Optional.ofNullable(byTerminal.get(terminalKey));
    }

    public int size() {
        return byTerminal.size();
    }
}
