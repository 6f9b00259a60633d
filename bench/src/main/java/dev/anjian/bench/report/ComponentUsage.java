package dev.anjian.bench.report;

/** CPU and memory of one component process over the measured window. */
public record ComponentUsage(String component, long pid, double cpuSeconds, double avgCores, long maxRssBytes) {}
