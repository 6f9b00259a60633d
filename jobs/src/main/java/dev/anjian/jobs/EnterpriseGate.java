package dev.anjian.jobs;

import dev.anjian.events.DeadLetter;
import dev.anjian.events.DeviceEvent;
import dev.anjian.events.EventJson;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one enterprise's messages out of another's alarms: an event that claims an enterprise (the MQTT
 * topic it arrived on) other than the one the registry gives its device is dead-lettered before any
 * detector sees it. Example: {@code anjian/telemetry/E-B/GAS-A1} where GAS-A1 is registered to E-A.
 * Everything else passes: events without a claim (JT/T 808, identified by the registry's terminal phone),
 * and events of unregistered devices, which the threshold detector dead-letters. State: the device's
 * registered enterprise, set and cleared by registry updates, so a removed device leaves none.
 */
public final class EnterpriseGate extends KeyedProcessFunction<String, DeviceInput, DeviceInput> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(EnterpriseGate.class);

    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("enterprise-mismatch", Types.POJO(DeadLetter.class));

    private transient ValueState<String> registeredEnterprise;

    @Override
    public void open(OpenContext openContext) {
        registeredEnterprise = getRuntimeContext().getState(new ValueStateDescriptor<>("registered-enterprise", Types.STRING));
    }

    @Override
    public void processElement(DeviceInput input, Context ctx, Collector<DeviceInput> out) throws Exception {
        RegistryUpdate update = input.registryUpdate();
        if (update != null) {
            if (update.device() == null) {
                registeredEnterprise.clear();
            } else {
                registeredEnterprise.update(update.device().enterpriseId());
            }
        }
        DeviceEvent event = input.event();
        String registered = registeredEnterprise.value();
        if (event != null && event.enterpriseId() != null && registered != null && !registered.equals(event.enterpriseId())) {
            LOG.warn("event of device {} under enterprise {} dead-lettered: the device is registered to {}",
                    event.deviceId(), event.enterpriseId(), registered);
            ctx.output(DEAD_LETTERS, DeadLetter.of("jobs", "device-events", "device " + event.deviceId()
                            + " is registered to enterprise " + registered + ", not " + event.enterpriseId(),
                    EventJson.write(event), event.receivedAt()));
            return;
        }
        out.collect(input);
    }
}
