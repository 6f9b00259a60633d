package dev.anjian.registry;

import dev.anjian.events.Device;
import java.util.List;

/**
 * The outcome of parsing a registry file: either every device (in file order) or every error found,
 * never a mix, so an importer cannot write half a file by accident.
 */
public record RegistryParse(String file, List<Device> devices, List<RegistryError> errors) {

    public RegistryParse {
        devices = List.copyOf(devices);
        errors = List.copyOf(errors);
        if (!errors.isEmpty() && !devices.isEmpty()) {
            throw new IllegalArgumentException("an invalid registry parse carries no devices");
        }
    }

    static RegistryParse valid(String file, List<Device> devices) {
        return new RegistryParse(file, devices, List.of());
    }

    static RegistryParse invalid(String file, List<RegistryError> errors) {
        return new RegistryParse(file, List.of(), errors);
    }

    public boolean isValid() {
        return errors.isEmpty();
    }
}
