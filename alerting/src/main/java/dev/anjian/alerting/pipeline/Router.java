package dev.anjian.alerting.pipeline;

import dev.anjian.alerting.routing.Contact;
import dev.anjian.alerting.routing.RoutingTable;
import dev.anjian.events.AlarmEvent;
import java.time.Instant;
import java.util.List;

/**
 * Who is told about an alarm at one tier, now: tiers 1 and 2 are the contacts of the alarm's own
 * enterprise (the enterprise id is the only key, so one enterprise's alarm never reaches another's
 * contacts), tier 3 the regulators on duty for the alarm's region; each contact's alarm types, minimum
 * level and duty hours apply. Nobody is a {@link Routing} with a problem, which the chain records.
 */
public final class Router {

    public record Routing(List<Contact> recipients, String problem) {

        public Routing {
            recipients = List.copyOf(recipients);
        }

        public boolean hasRecipients() {
            return !recipients.isEmpty();
        }
    }

    private final RoutingTable table;

    public Router(RoutingTable table) {
        this.table = table;
    }

    /** The safety officers (tier 1) of the alarm's enterprise who want it now. */
    public Routing route(AlarmEvent alarm, Instant now) {
        return route(alarm, Contact.SAFETY_OFFICER, now);
    }

    public Routing route(AlarmEvent alarm, int tier, Instant now) {
        List<Contact> candidates = tier == Contact.REGULATOR
                ? table.regulatorsOf(alarm.regionCode())
                : table.contactsOf(alarm.enterpriseId()).stream().filter(c -> c.tier() == tier).toList();
        if (tier != Contact.REGULATOR && table.contactsOf(alarm.enterpriseId()).isEmpty()) {
            return new Routing(List.of(), "no contacts for enterprise " + alarm.enterpriseId());
        }
        if (candidates.isEmpty()) {
            return new Routing(List.of(), tier == Contact.REGULATOR
                    ? "no regulator for region " + alarm.regionCode()
                    : "no tier-" + tier + " contacts for enterprise " + alarm.enterpriseId());
        }
        List<Contact> wanting = candidates.stream().filter(c -> c.wants(alarm, now)).toList();
        if (wanting.isEmpty()) {
            return new Routing(List.of(), "no tier-" + tier + " contact of " + (tier == Contact.REGULATOR
                    ? "region " + alarm.regionCode() : "enterprise " + alarm.enterpriseId())
                    + " takes " + alarm.type() + " level " + alarm.level() + " at this hour");
        }
        return new Routing(wanting, null);
    }

    /** A contact by its id, if it may receive this alarm: its own enterprise's, or its region's regulator. */
    public java.util.Optional<Contact> contactFor(AlarmEvent alarm, String contactId) {
        return table.contactsOf(alarm.enterpriseId()).stream().filter(c -> c.id().equals(contactId)).findFirst()
                .or(() -> table.regulatorsOf(alarm.regionCode()).stream().filter(c -> c.id().equals(contactId)).findFirst());
    }
}
