package dev.anjian.bench.report;

/** One scalar result, e.g. "e2e.sustained" 44,100 "readings/s". */
public record Figure(String name, double value, String unit, String note) {}
