package dev.anjian.jobs.offline;

/**
 * Where one registered device stands for offline detection (wall-clock epoch ms, the gateway's
 * {@code receivedAt} for messages):
 * <ul>
 *   <li>{@code status}: NEVER_REPORTED since registration, ONLINE, or OFFLINE;</li>
 *   <li>{@code lastSeen}: when the gateway last received a message from it (registration time if never);</li>
 *   <li>{@code deadline}: when it is OFFLINE unless something arrives, {@code reason} says why then;</li>
 *   <li>{@code timer}: the one processing-time timer registered for it, 0 when none (while OFFLINE);</li>
 *   <li>{@code offlineSince}: start of the open OFFLINE episode, 0 when none.</li>
 * </ul>
 */
public record Presence(Status status, long lastSeen, long deadline, String reason, long timer, long offlineSince) {

    public enum Status { NEVER_REPORTED, ONLINE, OFFLINE }

    Presence with(Status newStatus, long newLastSeen, long newDeadline, String newReason) {
        return new Presence(newStatus, newLastSeen, newDeadline, newReason, timer, offlineSince);
    }

    Presence withTimer(long newTimer) {
        return new Presence(status, lastSeen, deadline, reason, newTimer, offlineSince);
    }

    Presence offline() {
        return new Presence(Status.OFFLINE, lastSeen, deadline, reason, 0L, deadline);
    }

    Presence online(long seen, long newDeadline, String newReason) {
        return new Presence(Status.ONLINE, seen, newDeadline, newReason, timer, 0L);
    }
}
