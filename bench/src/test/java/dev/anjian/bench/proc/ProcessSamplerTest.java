package dev.anjian.bench.proc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anjian.bench.report.ComponentUsage;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProcessSamplerTest {

    private static final long MAX_BURN_ROUNDS = 200;

    @Test
    void measuresTheCpuThisJvmBurnsBetweenTheFirstAndLastSample() {
        ProcessSampler sampler = new ProcessSampler("test-jvm", ProcessHandle.current().pid());
        double jvmCpuAtStart = jvmCpuSeconds();
        sampler.sample();

        // Burn at least 0.5 s of CPU by the JVM's own count (bounded by rounds, not by time).
        long rounds = 0;
        while (jvmCpuSeconds() - jvmCpuAtStart < 0.5 && rounds++ < MAX_BURN_ROUNDS) {
            burn();
            sampler.sample();
        }
        sampler.sample();
        double jvmCpu = jvmCpuSeconds() - jvmCpuAtStart;
        ComponentUsage usage = sampler.usage();

        assertThat(jvmCpu).as("the loop burnt CPU").isGreaterThanOrEqualTo(0.5);
        assertThat(usage.component()).isEqualTo("test-jvm");
        assertThat(usage.pid()).isEqualTo(ProcessHandle.current().pid());
        // /proc counts in clock ticks (10 ms at 100 Hz): allow a few ticks either way of the JVM's own figure.
        assertThat(usage.cpuSeconds()).isBetween(jvmCpu - 0.1, jvmCpu + 0.1);
        assertThat(usage.avgCores()).isPositive();
        assertThat(usage.maxRssBytes()).isGreaterThan(Runtime.getRuntime().totalMemory() / 4);
        assertThat(sampler.exited()).isFalse();
        assertThat(sampler.note()).isEmpty();
    }

    @Test
    void keepsTheLastValuesOfAProcessThatExited() throws Exception {
        Process child = new ProcessBuilder("sh", "-c", "i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done; read x")
                .start();
        ProcessSampler sampler = new ProcessSampler("child", child.pid());
        sampler.sample();
        sampler.sample();
        ComponentUsage before = sampler.usage();

        child.getOutputStream().close(); // `read` sees end of input: the child exits
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        sampler.sample();

        assertThat(sampler.exited()).isTrue();
        assertThat(sampler.note()).contains("child", "exited");
        assertThat(sampler.usage()).isEqualTo(before);
        assertThat(before.maxRssBytes()).isPositive();
    }

    @Test
    void aSamplerOfAnAbsentProcessReportsZerosAndExited() {
        ProcessSampler sampler = new ProcessSampler("ghost", Long.MAX_VALUE);

        sampler.sample();

        assertThat(sampler.exited()).isTrue();
        assertThat(sampler.usage()).isEqualTo(new ComponentUsage("ghost", Long.MAX_VALUE, 0, 0, 0));
    }

    private static double jvmCpuSeconds() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return os.getProcessCpuTime() / 1e9;
    }

    private static void burn() {
        long x = 0;
        for (int i = 0; i < 20_000_000; i++) {
            x += (long) i * i ^ (x >>> 3);
        }
        if (x == 42) {
            System.getProperties(); // keeps the loop from being optimised away
        }
    }
}
