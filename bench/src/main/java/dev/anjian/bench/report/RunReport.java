package dev.anjian.bench.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Everything one benchmark run produced: what ran where, with which settings, and what it measured. */
public record RunReport(String title, Instant startedAt, Map<String, String> machine, Map<String, String> settings,
                        List<Figure> figures, List<Series> series, List<ComponentUsage> components) {}
