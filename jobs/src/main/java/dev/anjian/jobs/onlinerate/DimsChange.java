package dev.anjian.jobs.onlinerate;

/**
 * One device's change to the counts of its scopes at {@code atSecond}: registered +1/-1, (effectively)
 * online +1/-1, or reported +1 for the local day containing {@code atSecond}. The counts' integrals over
 * time are the registered and online device-seconds ({@link DeviceSeconds}).
 */
public record DimsChange(Dims dims, long atSecond, int registeredDelta, int onlineDelta, int reportedDelta) {

    static DimsChange registered(Dims dims, long at, int delta) {
        return new DimsChange(dims, at, delta, 0, 0);
    }

    static DimsChange online(Dims dims, long at, int delta) {
        return new DimsChange(dims, at, 0, delta, 0);
    }

    static DimsChange reported(Dims dims, long at) {
        return new DimsChange(dims, at, 0, 0, 1);
    }
}
