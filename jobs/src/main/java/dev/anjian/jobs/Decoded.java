package dev.anjian.jobs;

import dev.anjian.events.DeadLetter;

/**
 * What a Kafka source decoded from one record: either the {@code value}, or the {@code rejected} input
 * with its reason. A malformed record is a value, never an exception, so it cannot fail the job; the
 * pipeline routes rejections to the dead-letter topic ({@link SplitRejected}).
 */
public record Decoded<T>(T value, DeadLetter rejected) {

    public static <T> Decoded<T> of(T value) {
        return new Decoded<>(value, null);
    }

    public static <T> Decoded<T> rejected(DeadLetter rejected) {
        return new Decoded<>(null, rejected);
    }

    public boolean isRejected() {
        return rejected != null;
    }
}
