package dev.anjian.registry;

import dev.anjian.events.Device;
import dev.anjian.events.DeviceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What an import wrote (or a validation found): device counts per enterprise and kind, and the device
 * ids tombstoned by {@code --prune}. {@link #lines()} is the text the CLI prints.
 */
public record RegistrySummary(List<Device> devices, List<String> pruned) {

    public RegistrySummary {
        devices = List.copyOf(devices);
        pruned = List.copyOf(pruned);
    }

    /** Enterprise id -> kind -> device count, both sorted for a stable printout. */
    public Map<String, Map<DeviceKind, Long>> countsByEnterprise() {
        return devices.stream().collect(Collectors.groupingBy(Device::enterpriseId, TreeMap::new,
                Collectors.groupingBy(Device::kind, TreeMap::new, Collectors.counting())));
    }

    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        Map<String, String> names = devices.stream()
                .collect(Collectors.toMap(Device::enterpriseId, Device::enterpriseName, (a, b) -> a));
        countsByEnterprise().forEach((enterprise, kinds) -> lines.add("  " + enterprise + " (" + names.get(enterprise)
                + "): " + kinds.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "))));
        lines.add("  total: " + devices.size() + " devices of " + names.size() + " enterprises");
        if (!pruned.isEmpty()) {
            lines.add("  pruned (tombstoned): " + pruned.size() + " " + pruned);
        }
        return lines;
    }
}
