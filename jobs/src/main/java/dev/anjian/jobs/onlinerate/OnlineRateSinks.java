package dev.anjian.jobs.onlinerate;

import dev.anjian.events.DeadLetter;
import dev.anjian.events.OnlineRate;
import org.apache.flink.api.connector.sink2.Sink;

/** Where the online-rate pipeline writes: injected, so that tests use collecting sinks. */
public record OnlineRateSinks(
        Sink<OnlineRate> onlineRates,
        Sink<ScopeFigures> dailyPoints,
        Sink<ScopeFigures> livePoints,
        Sink<DeadLetter> deadLetters) {
}
