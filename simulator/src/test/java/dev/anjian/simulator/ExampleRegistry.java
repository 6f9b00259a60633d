package dev.anjian.simulator;

import dev.anjian.events.Device;
import dev.anjian.registry.RegistryFile;
import dev.anjian.registry.RegistryParse;
import java.nio.file.Path;
import java.util.List;

/** The shipped example registry, which the demo and these tests simulate. */
final class ExampleRegistry {

    static final Path FILE = Path.of("..", "config", "registry", "henan-example.yaml");

    private ExampleRegistry() {
    }

    static List<Device> devices() {
        RegistryParse parse = RegistryFile.parse(FILE);
        if (!parse.isValid()) {
            throw new IllegalStateException("example registry invalid: " + parse.errors());
        }
        return parse.devices();
    }

    static Device device(String id) {
        return devices().stream().filter(d -> d.deviceId().equals(id)).findFirst().orElseThrow();
    }
}
