package dev.anjian.alerting.pipeline;

import dev.anjian.alerting.routing.Contact;
import dev.anjian.alerting.routing.RoutingTable;
import dev.anjian.events.AlarmEvent;
import java.util.List;

/**
 * Who is told about an alarm: the tier-1 contacts (safety officers) of the alarm's own enterprise, and
 * nobody else; the enterprise id is the only key, so one enterprise's alarm can never reach another's
 * contacts. No recipient is a {@link Routing} with a problem, which the chain records as FAILED.
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

    public Routing route(AlarmEvent alarm) {
        List<Contact> contacts = table.contactsOf(alarm.enterpriseId());
        if (contacts.isEmpty()) {
            return new Routing(List.of(), "no contacts for enterprise " + alarm.enterpriseId());
        }
        List<Contact> officers = contacts.stream().filter(c -> c.tier() == Contact.SAFETY_OFFICER).toList();
        if (officers.isEmpty()) {
            return new Routing(List.of(), "no tier-1 contacts for enterprise " + alarm.enterpriseId());
        }
        return new Routing(officers, null);
    }
}
