package dev.anjian.alerting.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * When an unacknowledged open alarm goes further, as a pure decision over what the ledger says (so it is
 * the same after a restart): tier 2 is told {@code tier2After} after tier 1 was first told; tier 3
 * {@code tier3After} after tier 2 was told (or found nobody); reminder n goes to everyone told so far at
 * {@code n x reminderInterval} after tier 1 was told, up to {@code reminderMax}, only the latest one due
 * (after a long outage one reminder, not five). Zero durations switch a step off. Acknowledged, handled,
 * cleared and back-filled alarms never escalate.
 */
public final class EscalationPolicy {

    /** What the ledger says about one alarm: when each tier was first told (-1: not yet), the last reminder. */
    public record Facts(long tier1At, long tier2At, long tier3At, int lastReminder) {
    }

    public sealed interface Step permits Escalate, Remind {
    }

    public record Escalate(int tier, long unacknowledgedMillis) implements Step {
    }

    public record Remind(int number) implements Step {
    }

    private final long tier2After;
    private final long tier3After;
    private final long reminderInterval;
    private final int reminderMax;

    public EscalationPolicy(Duration tier2After, Duration tier3After, Duration reminderInterval, int reminderMax) {
        this.tier2After = tier2After.toMillis();
        this.tier3After = tier3After.toMillis();
        this.reminderInterval = reminderInterval.toMillis();
        this.reminderMax = reminderMax;
    }

    public List<Step> decide(boolean openAndUnacknowledged, Facts facts, long now) {
        List<Step> steps = new ArrayList<>();
        if (!openAndUnacknowledged || facts.tier1At() < 0) {
            return steps;
        }
        if (tier2After > 0 && facts.tier2At() < 0 && now >= facts.tier1At() + tier2After) {
            steps.add(new Escalate(2, now - facts.tier1At()));
        }
        long tier3Base = facts.tier2At() >= 0 ? facts.tier2At() : tier2After == 0 ? facts.tier1At() : -1;
        if (tier3After > 0 && facts.tier3At() < 0 && tier3Base >= 0 && now >= tier3Base + tier3After) {
            steps.add(new Escalate(3, now - facts.tier1At()));
        }
        if (reminderInterval > 0 && reminderMax > 0) {
            long due = Math.min(reminderMax, (now - facts.tier1At()) / reminderInterval);
            if (due >= 1 && due > facts.lastReminder()) {
                steps.add(new Remind((int) due));
            }
        }
        return steps;
    }

    public boolean enabled() {
        return tier2After > 0 || tier3After > 0 || (reminderInterval > 0 && reminderMax > 0);
    }
}
