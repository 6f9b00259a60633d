package dev.anjian.alerting.routing;

import dev.anjian.alerting.sms.PhoneMask;

/**
 * A person who receives an enterprise's alarm SMS. {@code id} is stable and is what the ledger records
 * (e.g. {@code E-HN-COAL-01.safety}); {@code tier} 1 is the safety officer (notified now), 2 the
 * enterprise head (for escalation). {@link #toString()} masks the phone.
 */
public record Contact(String id, String name, String phone, int tier) {

    public static final int SAFETY_OFFICER = 1;
    public static final int ENTERPRISE_HEAD = 2;

    public String maskedPhone() {
        return PhoneMask.mask(phone);
    }

    @Override
    public String toString() {
        return "Contact[id=" + id + ", name=" + name + ", phone=" + maskedPhone() + ", tier=" + tier + "]";
    }
}
