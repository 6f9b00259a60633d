package dev.anjian.registry;

import dev.anjian.events.VehicleInfo;
import dev.anjian.events.VehicleInfo.VehicleClass;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a VEHICLE_TERMINAL's {@code vehicle}: plate, JT/T 808 plate colour code (1 blue, 2 yellow,
 * 3 black, 4 white, 9 other; 0 unlicensed), vehicle class, terminal phone (the identity in every JT/T 808
 * frame header: 12 digits in 2013, up to 20 in 2019) and the speed limit that the overspeed rule uses.
 */
final class VehicleReader {

    static final List<String> KEYS =
            List.of("plateNumber", "plateColor", "vehicleClass", "terminalPhone", "speedLimitKmh");

    private VehicleReader() {
    }

    /** @param terminalPhones the phones already claimed in this file: one terminal, one vehicle */
    static Optional<VehicleInfo> read(Node node, String path, Uniqueness terminalPhones, ErrorCollector errors) {
        Optional<YamlMapping> opened = YamlMapping.open(node, path, KEYS, errors);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        YamlMapping m = opened.get();
        int before = errors.count();
        Optional<String> plate = m.text("plateNumber", true);
        Optional<Integer> plateColor = m.integer("plateColor", true, 0).filter(c -> {
            boolean valid = c <= 9;
            if (!valid) {
                errors.add(m.line("plateColor"), m.path("plateColor"),
                        "must be a JT/T 808 plate colour code 0-9 (1 blue, 2 yellow, 3 black, 4 white, 9 other), was " + c);
            }
            return valid;
        });
        Optional<VehicleClass> vehicleClass = m.choice("vehicleClass", VehicleClass.class, true);
        Optional<String> phone = m.text("terminalPhone", true);
        phone.ifPresent(p -> terminalPhones.claim(samePhoneKey(p), p, m.line("terminalPhone"), m.path("terminalPhone"), errors));
        Optional<Integer> speedLimit = m.integer("speedLimitKmh", true, 1);
        if (errors.count() > before) {
            return Optional.empty();
        }
        return RecordErrors.build(() -> new VehicleInfo(plate.get(), plateColor.get(), vehicleClass.get(), phone.get(),
                speedLimit.get()), m, Map.of(), errors);
    }

    /** JT/T 808 left-pads phones with zeros (to 12 or 20 digits): 013800000001 and 13800000001 are one terminal. */
    static String samePhoneKey(String terminalPhone) {
        String stripped = terminalPhone.replaceFirst("^0+", "");
        return stripped.isEmpty() ? "0" : stripped;
    }
}
