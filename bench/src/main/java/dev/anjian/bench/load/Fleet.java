package dev.anjian.bench.load;

import dev.anjian.events.Device;
import dev.anjian.events.DeviceKind;
import dev.anjian.events.Direction;
import dev.anjian.events.Industry;
import dev.anjian.events.MetricSpec;
import dev.anjian.events.MqttCredential;
import dev.anjian.events.VehicleInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The generated registry of a run: {@code sensors} coal-mine gas sensors in enterprises of
 * {@code perEnterprise} (each reading CH4, CO and O2 with the regulations' thresholds), plus
 * {@code vehicles} dangerous-goods trucks of one transport enterprise. Ids are short and positional:
 * sensor 42 is {@code S000042} of enterprise {@code BE0005} (with 10 per enterprise), publishing to
 * {@code anjian/telemetry/BE0005/S000042}. Every sensor is registered with an offline timeout longer than the
 * run; the silenced ones get the short one by a registry update once the load runs ({@link #shortTimeouts}),
 * so the only OFFLINE episodes are the planned ones.
 */
public record Fleet(int sensors, int perEnterprise, int vehicles, int offlineTimeoutSeconds, int quietTimeoutSeconds,
        IncidentPlan plan) {

    public static final String REGION = "410400"; // Pingdingshan
    public static final String TRANSPORT_ENTERPRISE = "BV0001";

    /**
     * 煤矿安全规程: working-face methane alarm at 1.0 %, power-off at 1.5 %, restore below 1.0 %; CO at most
     * 24 ppm underground (clear at 20 ppm, as the example registry); O2 in the intake air at least 20 %.
     * No debounce: the first breaching reading raises, so latency is measured from that reading.
     */
    static final List<MetricSpec> GAS_METRICS = List.of(
            new MetricSpec("CH4", "%", Direction.HIGH, List.of(1.0, 1.5), 1.0, 0, 1),
            new MetricSpec("CO", "ppm", Direction.HIGH, List.of(24.0), 20.0, 0, 1),
            new MetricSpec("O2", "%", Direction.LOW, List.of(20.0), 20.0, 0, 1));

    public int enterprises() {
        return (sensors + perEnterprise - 1) / perEnterprise;
    }

    public static String sensorId(int sensor) {
        return String.format("S%06d", sensor);
    }

    public String enterpriseOf(int sensor) {
        return enterpriseId(sensor / perEnterprise);
    }

    static String enterpriseId(int enterprise) {
        return String.format("BE%04d", enterprise + 1);
    }

    public String topic(int sensor) {
        return "anjian/telemetry/" + enterpriseOf(sensor) + "/" + sensorId(sensor);
    }

    /** The password sensor i logs in with at the native MQTT endpoint (username = its device id), 16 characters. */
    public String mqttPassword(int sensor) {
        return "bench-pw-" + sensorId(sensor);
    }

    public static String vehicleId(int vehicle) {
        return String.format("V%06d", vehicle);
    }

    /**
     * Every device of the run, sensors first, all with the long timeout: a sensor registered with 10 s would be
     * OFFLINE "never reported" if the load started more than 10 s after the job read the registry.
     */
    public List<Device> devices() {
        List<Device> devices = new ArrayList<>(sensors + vehicles);
        List<MqttCredential> credentials = credentials();
        for (int i = 0; i < sensors; i++) {
            devices.add(sensor(i, quietTimeoutSeconds, credentials.get(i)));
        }
        devices.addAll(vehicleDevices());
        return devices;
    }

    /** The registry update that gives the silenced sensors their short timeout, once they are reporting. */
    public List<Device> shortTimeouts() {
        List<MqttCredential> credentials = credentials();
        return plan.silences().stream()
                .map(s -> sensor(s.sensor(), offlineTimeoutSeconds, credentials.get(s.sensor()))).toList();
    }

    private Device sensor(int i, int timeoutSeconds, MqttCredential credential) {
        return new Device(sensorId(i), DeviceKind.GAS_SENSOR, enterpriseOf(i), "bench mine " + enterpriseOf(i), REGION,
                Industry.COAL_MINE, "working face T1 #" + i, timeoutSeconds, GAS_METRICS, null).withMqttCredential(credential);
    }

    /** The same credential for sensor i every time (bench data, not a secret: a seeded salt). */
    private List<MqttCredential> credentials() {
        Random salts = new Random(sensors);
        List<MqttCredential> list = new ArrayList<>(sensors);
        for (int i = 0; i < sensors; i++) {
            list.add(MqttCredential.of(mqttPassword(i), salts));
        }
        return list;
    }

    public List<Device> vehicleDevices() {
        List<Device> list = new ArrayList<>(vehicles);
        for (int v = 0; v < vehicles; v++) {
            VehicleInfo info = new VehicleInfo(String.format("豫D%05d", v), 2, VehicleInfo.VehicleClass.DANGEROUS_GOODS,
                    String.format("0139%08d", v), 80);
            list.add(new Device(vehicleId(v), DeviceKind.VEHICLE_TERMINAL, TRANSPORT_ENTERPRISE, "bench transport", REGION,
                    Industry.ROAD_TRANSPORT, "truck " + v, quietTimeoutSeconds, List.of(), info));
        }
        return list;
    }

    /**
     * alerting's routing file: one tier-1 safety officer per sensor enterprise, phone 138 + the enterprise
     * number. The transport enterprise has none: its (scripted overspeed) alarms are recorded, not sent.
     */
    public String routingYaml() {
        StringBuilder yaml = new StringBuilder("# generated by the bench harness\nenterprises:\n");
        for (int e = 0; e < enterprises(); e++) {
            String id = enterpriseId(e);
            yaml.append("  ").append(id).append(":\n    - {id: ").append(id).append(".safety, name: officer ")
                    .append(id).append(", phone: \"138").append(String.format("%08d", e + 1)).append("\", tier: 1}\n");
        }
        return yaml.toString();
    }
}
