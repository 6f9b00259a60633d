package dev.anjian.jobs.onlinerate;

import java.util.List;

/**
 * Registered and online device-seconds within {@code [from, to)} from count changes: the integral of a
 * step function that starts at 0 and steps by each change's delta at its second. Order does not matter:
 * {@code integral = sum(delta * (to - max(at, from)))} over the changes before {@code to}. Example: a
 * device registered at 0 and online from 100 to 400 gives, over [0, 1000), 1000 registered and 300 online
 * seconds; over [200, 300), 100 and 100.
 */
public record DeviceSeconds(long registered, long online) {

    public static DeviceSeconds of(List<DimsChange> changes, long from, long to) {
        long registeredAtFrom = 0;
        long onlineAtFrom = 0;
        long registered = 0;
        long online = 0;
        for (DimsChange change : changes) {
            if (change.atSecond() >= to) {
                continue;
            }
            long span = to - Math.max(change.atSecond(), from);
            registered += (long) change.registeredDelta() * span;
            online += (long) change.onlineDelta() * span;
            if (change.atSecond() < from) {
                registeredAtFrom += change.registeredDelta();
                onlineAtFrom += change.onlineDelta();
            }
        }
        if (registeredAtFrom < 0 || onlineAtFrom < 0) {
            throw new IllegalArgumentException("changes take a count below zero before " + from);
        }
        return new DeviceSeconds(registered, online);
    }
}
