package dev.anjian.bench.report;

import java.util.List;

/** A time series sampled during the run: points are {secondsSinceStart, value}. */
public record Series(String name, String unit, List<double[]> points) {}
