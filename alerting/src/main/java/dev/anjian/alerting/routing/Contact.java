package dev.anjian.alerting.routing;

import dev.anjian.alerting.sms.PhoneMask;
import dev.anjian.events.AlarmEvent;
import dev.anjian.events.AlarmType;
import java.time.Instant;
import java.util.Set;

/**
 * A person who receives alarm SMS. {@code id} is stable and is what the ledger records (e.g.
 * {@code E-HN-COAL-01.safety}); {@code tier} 1 is the safety officer (told at once), 2 the enterprise head
 * (told when tier 1 does not acknowledge in time), 3 the regulator on duty for the region. A contact may be
 * limited to some alarm types, a minimum level and duty hours. {@link #toString()} masks the phone.
 */
public record Contact(String id, String name, String phone, int tier, Set<AlarmType> types, int minLevel,
        DutyHours hours) {

    public static final int SAFETY_OFFICER = 1;
    public static final int ENTERPRISE_HEAD = 2;
    public static final int REGULATOR = 3;

    public Contact {
        types = Set.copyOf(types);
        hours = hours == null ? DutyHours.ALWAYS : hours;
    }

    /** A contact told about every alarm of its tier, at any hour. */
    public Contact(String id, String name, String phone, int tier) {
        this(id, name, phone, tier, Set.of(), 0, DutyHours.ALWAYS);
    }

    /** Whether this contact wants this alarm at this moment: type, level and duty hours. */
    public boolean wants(AlarmEvent alarm, Instant now) {
        return (types.isEmpty() || types.contains(alarm.type()))
                && (alarm.type() != AlarmType.THRESHOLD || alarm.level() >= minLevel)
                && hours.covers(now);
    }

    public String maskedPhone() {
        return PhoneMask.mask(phone);
    }

    @Override
    public String toString() {
        return "Contact[id=" + id + ", name=" + name + ", phone=" + maskedPhone() + ", tier=" + tier
                + (types.isEmpty() ? "" : ", types=" + types) + (minLevel > 0 ? ", minLevel=" + minLevel : "")
                + (hours.equals(DutyHours.ALWAYS) ? "" : ", hours=" + hours) + "]";
    }
}
