package dev.anjian.simulator.vehicle;

import dev.anjian.events.Device;
import dev.anjian.events.DeviceKind;
import dev.anjian.registry.RegistryError;
import dev.anjian.registry.RegistryFile;
import dev.anjian.registry.RegistryParse;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives every VEHICLE_TERMINAL of a registry file as a JT/T 808 terminal against the gateway, over real
 * TCP: register, auth, heartbeat, location reports; vehicle 1 overspeeds from 20 s to 50 s (alarm bits 13,
 * then 1, then cleared); vehicle 0 loses its link at {@code fleet.blackout-after} for
 * {@code fleet.blackout-for}, then reconnects and re-sends what it stored as 0x0704 blind-area batches.
 * Usage: {@code new FleetSimulator(FleetSettings.from(config)).start()}, {@link #stats()}, {@link #close()}.
 */
public final class FleetSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FleetSimulator.class);

    private final FleetSettings settings;
    private final List<SimulatedTerminal.Vehicle> vehicles;
    private final FleetStats stats = new FleetStats();
    private final Clock clock;
    private final List<SimulatedTerminal> terminals = new ArrayList<>();
    private EventLoopGroup group;

    public FleetSimulator(FleetSettings settings) {
        this(settings, vehiclesOf(settings), Clock.systemUTC());
    }

    /** A fleet of given vehicles (benchmarks generate thousands). */
    public FleetSimulator(FleetSettings settings, List<Device> devices, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        List<SimulatedTerminal.Vehicle> list = new ArrayList<>();
        for (Device d : devices) {
            if (d.kind() == DeviceKind.VEHICLE_TERMINAL) {
                list.add(new SimulatedTerminal.Vehicle(d.deviceId(), d.vehicle().terminalPhone(), d.vehicle().plateNumber(),
                        d.vehicle().plateColor(), d.vehicle().speedLimitKmh() > 0 ? d.vehicle().speedLimitKmh() : 80, list.size()));
            }
        }
        this.vehicles = List.copyOf(list);
    }

    private static List<Device> vehiclesOf(FleetSettings settings) {
        RegistryParse registry = RegistryFile.parse(settings.registryFile());
        if (!registry.isValid()) {
            throw new IllegalArgumentException("registry file " + settings.registryFile() + " is invalid:\n  "
                    + registry.errors().stream().map(RegistryError::toString).collect(Collectors.joining("\n  ")));
        }
        return registry.devices();
    }

    /** Connects every terminal and schedules their reports; returns at once. */
    public synchronized FleetSimulator start() {
        group = new MultiThreadIoEventLoopGroup(0, NioIoHandler.newFactory());
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true).remoteAddress(settings.gatewayHost(), settings.gatewayPort());
        if (!settings.localAddress().isEmpty()) {
            bootstrap.localAddress(settings.localAddress(), 0);
        }
        long start = clock.millis();
        for (SimulatedTerminal.Vehicle v : vehicles) {
            Drive drive = new Drive(v.index(), v.speedLimitKmh(), v.index() == 1);
            SimulatedTerminal t = new SimulatedTerminal(v, settings.version2019(v.index()), drive, bootstrap, stats);
            terminals.add(t);
            var loop = group.next();
            loop.execute(t::connect);
            long reportMs = settings.reportInterval().toMillis();
            loop.scheduleAtFixedRate(() -> t.tick((clock.millis() - start) / 1000, clock.millis()),
                    reportMs, reportMs, TimeUnit.MILLISECONDS);
            long beatMs = settings.heartbeatInterval().toMillis();
            loop.scheduleAtFixedRate(t::heartbeat, beatMs, beatMs, TimeUnit.MILLISECONDS);
            if (v.index() == 0) {
                loop.schedule(t::cutOff, settings.blackoutAfter().toMillis(), TimeUnit.MILLISECONDS);
                loop.schedule(t::connect, settings.blackoutAfter().plus(settings.blackoutFor()).toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        LOG.info("fleet of {} vehicle terminals ({}) connecting to {}:{}, a report every {}; vehicle 1 overspeeds at +20 s, "
                + "vehicle 0 is cut off at +{} for {}", vehicles.size(), settings.protocol(), settings.gatewayHost(),
                settings.gatewayPort(), settings.reportInterval(), settings.blackoutAfter(), settings.blackoutFor());
        return this;
    }

    public FleetStats stats() {
        return stats;
    }

    public int size() {
        return vehicles.size();
    }

    @Override
    public synchronized void close() {
        if (group != null) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
            group = null;
        }
        LOG.info("fleet stopped: {}", stats);
    }
}
