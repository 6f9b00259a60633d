package dev.anjian.jobs.onlinerate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A change to one scope's counts at {@code atSecond} (see {@link DimsChange}), keyed by {@link #key()},
 * e.g. {@code REGION:410100}: registered -1 at 1764403200 when a device there was removed.
 */
public record ScopeChange(String scopeType, String scope, long atSecond, int registeredDelta, int onlineDelta,
        int reportedDelta) {

    public String key() {
        return scopeType + ':' + scope;
    }

    /**
     * Spreads device changes over each device's scopes and nets them per scope and second, so that a device
     * moving to another enterprise in the same region leaves the region's counts untouched.
     */
    public static List<ScopeChange> spread(List<DimsChange> changes) {
        Map<String, ScopeChange> netted = new LinkedHashMap<>();
        for (DimsChange change : changes) {
            for (Scopes.Scope scope : Scopes.of(change.dims())) {
                ScopeChange add = new ScopeChange(scope.type(), scope.name(), change.atSecond(),
                        change.registeredDelta(), change.onlineDelta(), change.reportedDelta());
                netted.merge(scope.key() + '@' + change.atSecond(), add, ScopeChange::plus);
            }
        }
        return netted.values().stream().filter(c -> !c.isEmpty()).toList();
    }

    private ScopeChange plus(ScopeChange other) {
        return new ScopeChange(scopeType, scope, atSecond, registeredDelta + other.registeredDelta,
                onlineDelta + other.onlineDelta, reportedDelta + other.reportedDelta);
    }

    private boolean isEmpty() {
        return registeredDelta == 0 && onlineDelta == 0 && reportedDelta == 0;
    }
}
