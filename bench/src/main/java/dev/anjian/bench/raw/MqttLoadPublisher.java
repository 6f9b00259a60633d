package dev.anjian.bench.raw;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Paho v5 publisher on its own thread, sending the same payload as fast as the broker takes it, round
 * robin over the given topics, with at most {@link #WINDOW} publishes unconfirmed (PUBACK for QoS 1,
 * written to the socket for QoS 0). Stops at {@link #stop()} or after {@code maxMessages}.
 */
final class MqttLoadPublisher implements AutoCloseable {

    static final int WINDOW = 200;
    private static final Logger LOG = LoggerFactory.getLogger(MqttLoadPublisher.class);
    private static final long WAIT_MS = 10_000;

    private final MqttAsyncClient client;
    private final Semaphore window;
    private final AtomicLong confirmed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Thread thread;
    private volatile boolean stopping;

    MqttLoadPublisher(String brokerUrl, String clientId, String[] topics, byte[] payload, int qos, long maxMessages)
            throws MqttException {
        client = new MqttAsyncClient(brokerUrl, clientId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setKeepAliveInterval(30);
        IMqttToken connected = client.connect(options);
        connected.waitForCompletion(WAIT_MS);
        Integer serverMaximum = connected.getResponseProperties() == null ? null
                : connected.getResponseProperties().getReceiveMaximum();
        window = new Semaphore(serverMaximum == null ? WINDOW : Math.min(WINDOW, serverMaximum));
        MqttActionListener listener = new Confirmations();
        thread = new Thread(() -> publish(topics, payload, qos, maxMessages, listener), clientId + "-loop");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    long confirmed() {
        return confirmed.get();
    }

    long failed() {
        return failed.get();
    }

    void stop() throws InterruptedException {
        stopping = true;
        thread.join(WAIT_MS);
    }

    @Override
    public void close() {
        stopping = true;
        try {
            client.disconnect(WAIT_MS).waitForCompletion(WAIT_MS);
            client.close(true);
        } catch (MqttException e) {
            LOG.warn("raw pipe publisher {} did not close cleanly: {}", client.getClientId(), e.getMessage());
        }
    }

    private void publish(String[] topics, byte[] payload, int qos, long maxMessages, MqttActionListener listener) {
        long sent = 0;
        try {
            while (!stopping && sent < maxMessages) {
                if (!window.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                try {
                    client.publish(topics[(int) (sent % topics.length)], payload, qos, false, null, listener);
                    sent++;
                } catch (MqttException e) {
                    window.release();
                    if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                        LOG.error("raw pipe publisher {} stops after {} messages: {}", client.getClientId(), sent, e.toString());
                        return;
                    }
                    Thread.sleep(1); // Paho's own window is full: wait for a PUBACK
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Confirmations implements MqttActionListener {
        @Override
        public void onSuccess(IMqttToken token) {
            confirmed.incrementAndGet();
            window.release();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable error) {
            if (failed.getAndIncrement() == 0) {
                LOG.warn("raw pipe publish failed: {}", error.toString());
            }
            window.release();
        }
    }
}
