package dev.anjian.bench.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * N simulated gas sensors publishing QoS 1 telemetry at a total rate: a pacer thread takes tokens every
 * 5 ms ({@link TokenBucket}) and hands each token to the next sensor in a fixed cycle, so every sensor
 * publishes every N/rate seconds; silenced sensors are skipped (the others take their turns). A sensor
 * whose connection has its in-flight window full stops the tick (checked again on the event loop, where
 * the window is counted, for sends already handed over): the shortfall shows as offered below target. Payloads are built on the connection's event loop with {@code ts} = that instant, and the
 * ground truth (first breach, clearing reading, last publish) is logged there too.
 */
public final class SensorLoad implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SensorLoad.class);
    private static final long TICK_NANOS = 5_000_000;
    private static final int CONNECTS_AT_ONCE = 200;

    private final Fleet fleet;
    private final IncidentPlan plan;
    private final IncidentLog log;
    private final LoadCounters counters;
    private final MqttTarget target;
    private final String clientPrefix;
    private final String[] topics;
    private final List<MqttPublisher> publishers = new ArrayList<>();
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private volatile boolean running;
    private volatile long startedAtMs;
    private Thread pacer;

    public SensorLoad(Fleet fleet, IncidentLog log, LoadCounters counters, MqttTarget target, String clientPrefix) {
        this.fleet = fleet;
        this.plan = fleet.plan();
        this.log = log;
        this.counters = counters;
        this.target = target;
        this.clientPrefix = clientPrefix;
        this.topics = new String[fleet.sensors()];
        for (int i = 0; i < topics.length; i++) {
            topics[i] = fleet.topic(i);
        }
    }

    /** Opens every connection (at most 200 connecting at once); fails if any is refused or times out. */
    public void connect(Duration timeout) throws InterruptedException {
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true).remoteAddress(target.host(), target.port());
        int n = target.connectionCount(fleet.sensors());
        Semaphore window = new Semaphore(CONNECTS_AT_ONCE);
        List<CompletableFuture<MqttPublisher>> pending = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            String clientId = target.perDevice() ? Fleet.sensorId(c) : clientPrefix + "-" + c;
            MqttPublisher publisher = new MqttPublisher(clientId, target.username().apply(c), target.password().apply(c),
                    target.maxInFlight(), counters);
            publishers.add(publisher);
            window.acquire();
            CompletableFuture<MqttPublisher> done = publisher.connected().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
            done.whenComplete((p, e) -> window.release());
            pending.add(done);
            bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                    ch.pipeline().addLast(new MqttDecoder(), MqttEncoder.INSTANCE, publisher);
                }
            }).connect().addListener(f -> {
                if (!f.isSuccess()) {
                    publisher.connected().completeExceptionally(f.cause());
                }
            });
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        LOG.info("{} MQTT connections to {}:{} open", n, target.host(), target.port());
    }

    /** Starts publishing at {@code ratePerSecond} for at most {@code duration}; returns at once. */
    public void start(double ratePerSecond, Duration duration) {
        running = true;
        startedAtMs = System.currentTimeMillis();
        pacer = new Thread(() -> pace(ratePerSecond, duration), "load-pacer");
        pacer.setDaemon(true);
        pacer.start();
    }

    public long startedAtMs() {
        return startedAtMs;
    }

    private void pace(double rate, Duration duration) {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        TokenBucket bucket = new TokenBucket(rate, Math.max(1, rate * 0.2), start);
        int cursor = 0;
        for (long tick = start; running && tick < end; tick += TICK_NANOS) {
            LockSupport.parkNanos(tick - System.nanoTime());
            long tokens = bucket.take(System.nanoTime(), Long.MAX_VALUE);
            cursor = dispatch(tokens, cursor, bucket);
        }
        running = false;
    }

    /** Hands {@code tokens} sends to the sensors from {@code cursor} on; returns the next cursor. */
    private int dispatch(long tokens, int cursor, TokenBucket bucket) {
        long sinceStart = System.currentTimeMillis() - startedAtMs;
        Map<EventLoop, List<Integer>> batches = new IdentityHashMap<>();
        int sensors = fleet.sensors();
        long skipped = 0;
        long left = tokens;
        while (left > 0 && skipped < sensors) {
            int sensor = cursor;
            if (plan.silent(sensor, sinceStart)) {
                cursor = (cursor + 1) % sensors;
                skipped++;
                continue;
            }
            MqttPublisher publisher = publishers.get(target.connectionOf(sensor));
            if (!publisher.hasRoom()) {
                counters.deferred.increment();
                bucket.refund(left);
                break;
            }
            batches.computeIfAbsent(publisher.channel().eventLoop(), l -> new ArrayList<>()).add(sensor);
            cursor = (cursor + 1) % sensors;
            skipped = 0;
            left--;
        }
        batches.forEach((loop, batch) -> loop.execute(() -> send(batch)));
        return cursor;
    }

    /** On one event loop: builds and writes each sensor's reading, then flushes the touched channels once. */
    private void send(List<Integer> batch) {
        List<Channel> touched = new ArrayList<>();
        for (int sensor : batch) {
            MqttPublisher publisher = publishers.get(target.connectionOf(sensor));
            Channel channel = publisher.channel();
            if (!publisher.hasRoom()) { // the pacer's check raced with earlier ticks' sends: the window is the bound
                counters.deferred.increment();
                continue;
            }
            long ts = System.currentTimeMillis();
            long sinceStart = ts - startedAtMs;
            var payload = channel.alloc().buffer(80);
            if (plan.breaching(sensor, sinceStart)) {
                TelemetryPayload.writeBreach(payload, ts);
                log.breachSent(sensor, ts);
            } else {
                TelemetryPayload.writeNormal(payload, ts);
                if (plan.breachOver(sensor, sinceStart)) {
                    log.normalSentAfterBreach(sensor, ts);
                }
            }
            log.sent(sensor, ts);
            publisher.publish(topics[sensor], payload);
            if (touched.isEmpty() || touched.get(touched.size() - 1) != channel) {
                touched.add(channel);
            }
        }
        touched.forEach(Channel::flush);
    }

    public boolean running() {
        return running;
    }

    /** Stops the pacer, waits up to {@code ackWait} for outstanding PUBACKs, closes the connections. */
    public void stop(Duration ackWait) throws InterruptedException {
        running = false;
        if (pacer != null) {
            pacer.join(5_000);
        }
        long deadline = System.nanoTime() + ackWait.toNanos();
        while (inFlight() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    public int inFlight() {
        return publishers.stream().mapToInt(MqttPublisher::inFlight).sum();
    }

    @Override
    public void close() {
        running = false;
        publishers.forEach(MqttPublisher::close);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
