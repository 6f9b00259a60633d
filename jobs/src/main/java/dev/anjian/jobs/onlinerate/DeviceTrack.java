package dev.anjian.jobs.onlinerate;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Where one device stands for the online rates, and its transitions as pure functions (epoch seconds).
 * A device counts as online only while it is both registered and ONLINE ("effectively online"):
 * <ul>
 *   <li>{@code dims}: its scopes while registered, {@code null} while not; {@code registeredSince} then;</li>
 *   <li>{@code statusKnown}, {@code statusOnline}, {@code statusSince}: the latest device-status transition
 *       (a registered device never seen is offline from its registration);</li>
 *   <li>{@code onlineSince}: start of the effective online interval, -1 when not effectively online;</li>
 *   <li>{@code reportedThroughDay}: the last local day already counted as reported, -1 for none;</li>
 *   <li>{@code pending}: transitions read while not registered, replayed on registration (a fresh start
 *       reads device-status and device-registry side by side: a status may come before its registration).</li>
 * </ul>
 * A device "reported" on a day when it was effectively online for any part of it: an ONLINE transition
 * that day, or online since before it (counted at local midnight by {@link #midnight} or on going offline).
 * Every step returns the next track and the changes it makes to the device's scope counts.
 */
public record DeviceTrack(Dims dims, long registeredSince, boolean statusKnown, boolean statusOnline,
        long statusSince, long onlineSince, long reportedThroughDay, List<Transition> pending) {

    /** At most this many transitions wait for a registration; older ones are dropped (and logged). */
    static final int MAX_PENDING = 1000;

    /** A device-status transition: ONLINE ({@code online}) or OFFLINE since {@code since} (epoch seconds). */
    public record Transition(long since, boolean online) {
    }

    public DeviceTrack {
        pending = pending == null ? List.of() : List.copyOf(pending);
    }

    /** The next track and the changes that led to it. */
    public record Step(DeviceTrack next, List<DimsChange> changes) {
    }

    public static DeviceTrack unknown() {
        return new DeviceTrack(null, 0, false, false, 0, -1, -1, List.of());
    }

    public boolean isRegistered() {
        return dims != null;
    }

    /** Whether any device-status transition was read for it (applied, or waiting for the registration). */
    public boolean hasStatus() {
        return statusKnown || !pending.isEmpty();
    }

    public boolean isEffectivelyOnline() {
        return onlineSince >= 0;
    }

    /**
     * Registered (again, or with new scopes) at {@code at}; the same scopes again change nothing. Transitions
     * read while unregistered are replayed: the status at {@code at} is the latest one since before it.
     */
    public Step registered(Dims newDims, long at, LocalDays days) {
        List<DimsChange> changes = new ArrayList<>();
        if (dims != null && dims.equals(newDims)) {
            return new Step(this, changes);
        }
        DeviceTrack next = this;
        if (dims != null) { // moved to other scopes: leave the old ones as if removed, join the new ones
            next = removedInto(at, days, changes);
        }
        changes.add(DimsChange.registered(newDims, at, +1));
        next = new DeviceTrack(newDims, at, next.statusKnown, next.statusOnline, next.statusSince, -1,
                next.reportedThroughDay, List.of());
        List<Transition> later = new ArrayList<>();
        for (Transition transition : this.pending) {
            if (transition.since() <= at) {
                next = next.withStatus(transition);
            } else {
                later.add(transition);
            }
        }
        if (next.statusOnline) {
            next = next.goOnline(at, days, changes);
        }
        for (Transition transition : later) {
            Step step = next.status(transition.online(), transition.since(), days);
            changes.addAll(step.changes());
            next = step.next();
        }
        return new Step(next, changes);
    }

    /** Removed from the registry (a tombstone) at {@code at}; the device's status is kept. */
    public Step removed(long at, LocalDays days) {
        List<DimsChange> changes = new ArrayList<>();
        if (dims == null) {
            return new Step(this, changes);
        }
        return new Step(removedInto(at, days, changes), changes);
    }

    /**
     * A device-status transition; a repeat of the current status (at-least-once delivery) or one older than
     * the latest changes nothing.
     */
    public Step status(boolean online, long since, LocalDays days) {
        List<DimsChange> changes = new ArrayList<>();
        Transition latest = pending.isEmpty() ? null : pending.get(pending.size() - 1);
        boolean knownOnline = latest != null ? latest.online() : statusOnline;
        long knownSince = latest != null ? latest.since() : statusSince;
        if ((statusKnown || latest != null) && (knownOnline == online || since < knownSince)) {
            return new Step(this, changes);
        }
        if (dims == null) {
            return new Step(withPending(new Transition(since, online)), changes);
        }
        DeviceTrack next = withStatus(new Transition(since, online));
        if (online && !isEffectivelyOnline()) {
            next = next.goOnline(Math.max(since, registeredSince), days, changes);
        } else if (!online && isEffectivelyOnline()) {
            next = next.goOffline(Math.max(since, onlineSince), days, changes);
        }
        return new Step(next, changes);
    }

    /** Local midnight passed at {@code now}: a device online since before today reported today too. */
    public Step midnight(long now, LocalDays days) {
        List<DimsChange> changes = new ArrayList<>();
        if (!isEffectivelyOnline()) {
            return new Step(this, changes);
        }
        return new Step(reportThrough(days.dayOf(now), days, changes), changes);
    }

    private DeviceTrack removedInto(long at, LocalDays days, List<DimsChange> changes) {
        long when = Math.max(at, registeredSince);
        DeviceTrack next = isEffectivelyOnline() ? goOffline(Math.max(when, onlineSince), days, changes) : this;
        changes.add(DimsChange.registered(dims, when, -1));
        return new DeviceTrack(null, 0, statusKnown, statusOnline, statusSince, -1, next.reportedThroughDay, List.of());
    }

    private DeviceTrack withStatus(Transition transition) {
        return new DeviceTrack(dims, registeredSince, true, transition.online(), transition.since(), onlineSince,
                reportedThroughDay, pending);
    }

    private DeviceTrack withPending(Transition transition) {
        List<Transition> waiting = new ArrayList<>(pending);
        waiting.add(transition);
        if (waiting.size() > MAX_PENDING) {
            LoggerFactory.getLogger(DeviceTrack.class).warn(
                    "more than {} status transitions of a device not registered: dropping the oldest", MAX_PENDING);
            waiting.remove(0);
        }
        return new DeviceTrack(dims, registeredSince, statusKnown, statusOnline, statusSince, onlineSince,
                reportedThroughDay, waiting);
    }

    private DeviceTrack goOnline(long at, LocalDays days, List<DimsChange> changes) {
        changes.add(DimsChange.online(dims, at, +1));
        DeviceTrack online = new DeviceTrack(dims, registeredSince, statusKnown, statusOnline, statusSince, at,
                reportedThroughDay, pending);
        return online.reportThrough(days.dayOf(at), days, changes);
    }

    /** Ends the online interval {@code [onlineSince, at)}: every day it touched was reported. */
    private DeviceTrack goOffline(long at, LocalDays days, List<DimsChange> changes) {
        DeviceTrack reported = reportThrough(days.dayOf(Math.max(onlineSince, at - 1)), days, changes);
        changes.add(DimsChange.online(dims, at, -1));
        return new DeviceTrack(dims, registeredSince, statusKnown, statusOnline, statusSince, -1,
                reported.reportedThroughDay, pending);
    }

    private DeviceTrack reportThrough(long lastDay, LocalDays days, List<DimsChange> changes) {
        long first = Math.max(reportedThroughDay + 1, days.dayOf(onlineSince));
        for (long day = first; day <= lastDay; day++) {
            changes.add(DimsChange.reported(dims, Math.max(days.startOf(day), onlineSince)));
        }
        return lastDay <= reportedThroughDay ? this
                : new DeviceTrack(dims, registeredSince, statusKnown, statusOnline, statusSince, onlineSince, lastDay,
                        pending);
    }
}
