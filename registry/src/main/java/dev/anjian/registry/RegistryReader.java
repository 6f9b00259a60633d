package dev.anjian.registry;

import dev.anjian.events.Device;
import dev.anjian.events.DeviceKind;
import dev.anjian.events.Industry;
import dev.anjian.events.MetricSpec;
import dev.anjian.events.MqttCredential;
import dev.anjian.events.VehicleInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Walks a composed registry document (enterprises, their devices, metrics and vehicles) into
 * {@link Device}s, reporting every problem with its line and path and carrying on, so one run lists all
 * of a file's errors. Cross-checks: unique enterprise ids, device ids and terminal phones across the file,
 * unique metric names per device, and the shape each kind needs (sensors have metrics, vehicle terminals
 * a vehicle and no metrics).
 */
final class RegistryReader {

    static final List<String> ROOT_KEYS = List.of("enterprises");
    static final List<String> ENTERPRISE_KEYS = List.of("id", "name", "region", "industry", "devices");
    static final List<String> DEVICE_KEYS =
            List.of("id", "kind", "location", "offlineTimeoutSeconds", "metrics", "vehicle", "mqttCredential");
    /** Default offline timeouts: sensors poll every few seconds; JT/T 808 terminals heartbeat rarely (yzh uses 180 s). */
    static final int SENSOR_OFFLINE_TIMEOUT_SECONDS = 60;
    static final int VEHICLE_OFFLINE_TIMEOUT_SECONDS = 180;

    private record Enterprise(String id, String name, String regionCode, Industry industry) {
    }

    private final ErrorCollector errors;
    private final Uniqueness enterpriseIds = new Uniqueness("enterprise id");
    private final Uniqueness deviceIds = new Uniqueness("device id");
    private final Uniqueness terminalPhones = new Uniqueness("terminalPhone");
    private final List<Device> devices = new ArrayList<>();

    RegistryReader(ErrorCollector errors) {
        this.errors = errors;
    }

    static int defaultOfflineTimeoutSeconds(DeviceKind kind) {
        return kind == DeviceKind.VEHICLE_TERMINAL ? VEHICLE_OFFLINE_TIMEOUT_SECONDS : SENSOR_OFFLINE_TIMEOUT_SECONDS;
    }

    List<Device> read(Node root) {
        YamlMapping.open(root, "", ROOT_KEYS, errors).flatMap(file -> file.sequence("enterprises", true))
                .ifPresent(enterprises -> {
                    for (int i = 0; i < enterprises.size(); i++) {
                        readEnterprise(enterprises.get(i), "enterprises[" + i + "]");
                    }
                });
        return List.copyOf(devices);
    }

    private void readEnterprise(Node node, String path) {
        Optional<YamlMapping> opened = YamlMapping.open(node, path, ENTERPRISE_KEYS, errors);
        if (opened.isEmpty()) {
            return;
        }
        YamlMapping m = opened.get();
        int before = errors.count();
        Optional<String> id = m.text("id", true).filter(v -> plainName(v, m, "id", errors));
        id.ifPresent(v -> enterpriseIds.claim(v, v, m.line("id"), m.path("id"), errors));
        Optional<String> name = m.text("name", true);
        Optional<String> region = m.text("region", true).filter(code -> {
            Optional<String> problem = RegionCode.problem(code);
            problem.ifPresent(p -> errors.add(m.line("region"), m.path("region"), p));
            return problem.isEmpty();
        });
        Optional<Industry> industry = m.choice("industry", Industry.class, true);
        Optional<Enterprise> enterprise = errors.count() > before ? Optional.empty()
                : Optional.of(new Enterprise(id.get(), name.get(), region.get(), industry.get()));
        // Devices are read even under a broken enterprise, so their own errors are reported in the same run.
        List<Node> deviceNodes = m.sequence("devices", true).orElse(List.of());
        for (int i = 0; i < deviceNodes.size(); i++) {
            readDevice(deviceNodes.get(i), m.path("devices") + "[" + i + "]", enterprise).ifPresent(devices::add);
        }
    }

    private Optional<Device> readDevice(Node node, String path, Optional<Enterprise> enterprise) {
        Optional<YamlMapping> opened = YamlMapping.open(node, path, DEVICE_KEYS, errors);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        YamlMapping m = opened.get();
        int before = errors.count();
        Optional<String> id = m.text("id", true).filter(v -> plainName(v, m, "id", errors));
        id.ifPresent(v -> deviceIds.claim(v, v, m.line("id"), m.path("id"), errors));
        Optional<DeviceKind> kind = m.choice("kind", DeviceKind.class, true);
        String location = m.text("location", false).orElse("");
        Optional<Integer> timeout = m.integer("offlineTimeoutSeconds", false, 1);
        List<MetricSpec> metrics = readMetrics(m);
        Optional<VehicleInfo> vehicle = m.child("vehicle", false)
                .flatMap(v -> VehicleReader.read(v, m.path("vehicle"), terminalPhones, errors));
        Optional<String> credential = m.text("mqttCredential", false).filter(c -> validCredential(c, m));
        kind.ifPresent(k -> checkShape(k, m));
        if (errors.count() > before || enterprise.isEmpty()) {
            return Optional.empty();
        }
        Enterprise e = enterprise.get();
        return RecordErrors.build(() -> new Device(id.get(), kind.get(), e.id(), e.name(), e.regionCode(), e.industry(),
                location, timeout.orElse(defaultOfflineTimeoutSeconds(kind.get())), metrics, vehicle.orElse(null),
                credential.orElse(null)), m, Map.of("deviceId", "id"), errors);
    }

    private List<MetricSpec> readMetrics(YamlMapping device) {
        List<Node> nodes = device.sequence("metrics", false).orElse(List.of());
        List<MetricSpec> metrics = new ArrayList<>();
        Uniqueness names = new Uniqueness("metric name");
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            String path = device.path("metrics") + "[" + i + "]";
            MetricReader.read(node, path, errors).ifPresent(metric -> {
                names.claim(metric.metric(), metric.metric(), ErrorCollector.lineOf(node), path + ".name", errors);
                metrics.add(metric);
            });
        }
        return metrics;
    }

    /** Sensors measure metrics; a vehicle terminal's alarms come from JT/T 808 alarm bits and its vehicle. */
    private void checkShape(DeviceKind kind, YamlMapping m) {
        boolean hasMetrics = m.child("metrics", false).isPresent();
        boolean hasVehicle = m.child("vehicle", false).isPresent();
        if (kind == DeviceKind.VEHICLE_TERMINAL) {
            if (!hasVehicle) {
                errors.add(m.line(), m.path("vehicle"), "missing required field for a VEHICLE_TERMINAL");
            }
            if (hasMetrics) {
                errors.add(m.line("metrics"), m.path("metrics"),
                        "a VEHICLE_TERMINAL has no metrics (its alarms come from JT/T 808 alarm bits)");
            }
            return;
        }
        if (hasVehicle) {
            errors.add(m.line("vehicle"), m.path("vehicle"), "only VEHICLE_TERMINAL devices have a vehicle, this is a " + kind);
        }
        if (!hasMetrics || m.sequence("metrics", false).map(List::isEmpty).orElse(false)) {
            errors.add(m.line("metrics"), m.path("metrics"), "a " + kind + " needs at least one metric");
        }
    }

    /** Checked here, not only in the Device record, so that it is reported with the device's other errors. */
    private boolean validCredential(String credential, YamlMapping m) {
        try {
            MqttCredential.parse(credential);
            return true;
        } catch (IllegalArgumentException e) {
            errors.add(m.line("mqttCredential"), m.path("mqttCredential"),
                    e.getMessage().replaceFirst("^field 'mqttCredential' ", ""));
            return false;
        }
    }

    /**
     * Ids and metric names travel in MQTT topic levels, Kafka keys and InfluxDB tags: letters, digits,
     * '-', '_' and '.', so '/', '+', '#' or spaces cannot break topic routing.
     */
    static boolean plainName(String value, YamlMapping m, String key, ErrorCollector errors) {
        boolean plain = value.matches("[A-Za-z0-9][A-Za-z0-9_.-]*");
        if (!plain) {
            errors.add(m.line(key), m.path(key), "must contain only letters, digits, '-', '_' and '.', was '" + value + "'");
        }
        return plain;
    }
}
