package dev.anjian.app;

import dev.anjian.common.kafka.KafkaClients;
import dev.anjian.events.AlarmEvent;
import dev.anjian.events.AlarmIds;
import dev.anjian.events.EventFormatException;
import dev.anjian.events.EventJson;
import dev.anjian.events.Notification;
import dev.anjian.events.Topics;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints alarms and the SMS notifications made for them as they happen, one line each, for a person
 * watching the demo or a console in a monitoring centre:
 * <pre>16:00:05 ALARM RAISED     L1 平顶山某煤矿 1201回采工作面T1 CH4 1.02 % (threshold 1.0)  A1b2c3d4
 * 16:00:05 SMS   SENT       A1b2c3d4 RAISED -> 138****0001</pre>
 * Starts at the current end of both topics: it shows what happens from now on.
 */
final class AlarmConsole implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlarmConsole.class);

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    private final KafkaConsumer<String, byte[]> consumer;
    private final Topics topics;
    private final PrintStream out;
    private final Thread thread;
    private volatile boolean running = true;

    AlarmConsole(String bootstrap, Topics topics, PrintStream out) {
        this.consumer = new KafkaConsumer<>(KafkaClients.reader(bootstrap, "anjian-console"));
        this.topics = topics;
        this.out = out;
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(topics.alarms(), topics.notifications())) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve "end" now, before anything new arrives
        } catch (RuntimeException e) {
            consumer.close();
            throw new IllegalStateException("cannot read " + topics.alarms() + " at " + bootstrap + ": " + e.getMessage(), e);
        }
        this.thread = new Thread(this::run, "alarm-console");
        this.thread.setDaemon(true);
    }

    AlarmConsole start() {
        thread.start();
        return this;
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null) {
                        out.println(describe(record));
                    }
                }
            }
        } catch (WakeupException e) {
            // close() woke us: normal shutdown
        } catch (RuntimeException e) {
            LOG.error("alarm console stopped: {}", e.toString(), e);
        } finally {
            consumer.close();
        }
    }

    private String describe(ConsumerRecord<String, byte[]> record) {
        try {
            if (record.topic().equals(topics.alarms())) {
                AlarmEvent a = EventJson.read(record.value(), AlarmEvent.class);
                return String.format("%s ALARM %-12s L%d %s %s %s%s%s  %s",
                        CLOCK.format(Instant.ofEpochMilli(a.eventTime())), a.state(), a.level(), a.enterpriseName(),
                        a.location().isEmpty() ? a.deviceId() : a.location(), what(a),
                        a.backfilled() ? " [back-filled]" : "", a.operator() == null ? "" : " by " + a.operator(),
                        AlarmIds.shortForm(a.alarmId()));
            }
            Notification n = EventJson.read(record.value(), Notification.class);
            return String.format("%s SMS   %-10s %s %s -> %s%s", CLOCK.format(Instant.ofEpochMilli(n.attemptedAt())),
                    n.result(), AlarmIds.shortForm(n.alarmId()), n.alarmState(), n.recipientMasked(),
                    n.error() == null ? "" : " (" + n.error() + ")");
        } catch (EventFormatException e) {
            return "unreadable record on " + record.topic() + ": " + e.getMessage();
        }
    }

    /** "NH3 39.4 ppm (threshold 25.0)" for a metric, the rule ("OFFLINE", "jt808:overspeed") otherwise. */
    private static String what(AlarmEvent a) {
        if (a.metric() == null || a.metric().isEmpty()) {
            return a.type() + " " + a.rule();
        }
        return String.format("%s %s %s (threshold %s)", a.metric(), a.value(), a.unit(), a.threshold());
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5000);
    }
}
