package dev.anjian.ingest.jt808;

import java.time.Clock;

/** What every connection's {@link Jt808Handler} shares: settings, the Kafka lane, the registry, sessions, counters. */
record GatewayContext(Jt808Settings settings, PublishLane lane, Admission admission, Sessions sessions,
        Jt808Counters counters, Rejections rejections, Clock clock) {
}
