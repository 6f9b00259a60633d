package dev.anjian.alerting.routing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Who may be told about each enterprise's alarms: enterprise id -> its contacts, in file order. */
public record RoutingTable(Map<String, List<Contact>> contactsByEnterprise) {

    public RoutingTable {
        Map<String, List<Contact>> copy = new LinkedHashMap<>();
        contactsByEnterprise.forEach((enterprise, contacts) -> copy.put(enterprise, List.copyOf(contacts)));
        contactsByEnterprise = java.util.Collections.unmodifiableMap(copy);
    }

    /** The contacts of one enterprise; empty for an enterprise the file does not name. */
    public List<Contact> contactsOf(String enterpriseId) {
        return contactsByEnterprise.getOrDefault(enterpriseId, List.of());
    }

    public int enterpriseCount() {
        return contactsByEnterprise.size();
    }

    public int contactCount() {
        return contactsByEnterprise.values().stream().mapToInt(List::size).sum();
    }

    /** For the startup log: {@code E-HN-COAL-01=2, E-HN-NH3-01=1}. */
    public String summary() {
        return contactsByEnterprise.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().size())
                .collect(Collectors.joining(", "));
    }
}
