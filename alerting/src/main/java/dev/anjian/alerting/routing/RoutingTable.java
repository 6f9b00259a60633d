package dev.anjian.alerting.routing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Who may be told about alarms: enterprise id -> its own contacts (tiers 1 and 2), and region code
 * (GB/T 2260) -> the regulators on duty there (tier 3). A region entry covers its sub-regions:
 * {@code 410000} (Henan) covers {@code 410400} (Pingdingshan) and {@code 410402}; the most specific
 * region with a regulator wins.
 */
public record RoutingTable(Map<String, List<Contact>> contactsByEnterprise, Map<String, List<Contact>> regulatorsByRegion) {

    public RoutingTable {
        contactsByEnterprise = copy(contactsByEnterprise);
        regulatorsByRegion = copy(regulatorsByRegion);
    }

    public RoutingTable(Map<String, List<Contact>> contactsByEnterprise) {
        this(contactsByEnterprise, Map.of());
    }

    private static Map<String, List<Contact>> copy(Map<String, List<Contact>> map) {
        Map<String, List<Contact>> copy = new LinkedHashMap<>();
        map.forEach((key, contacts) -> copy.put(key, List.copyOf(contacts)));
        return Collections.unmodifiableMap(copy);
    }

    /** The contacts of one enterprise; empty for an enterprise the file does not name. */
    public List<Contact> contactsOf(String enterpriseId) {
        return contactsByEnterprise.getOrDefault(enterpriseId, List.of());
    }

    /** The regulators of the most specific region entry that covers {@code regionCode}. */
    public List<Contact> regulatorsOf(String regionCode) {
        return regulatorsByRegion.entrySet().stream()
                .filter(e -> covers(e.getKey(), regionCode) && !e.getValue().isEmpty())
                .max((a, b) -> Integer.compare(significant(a.getKey()).length(), significant(b.getKey()).length()))
                .map(Map.Entry::getValue)
                .orElse(List.of());
    }

    /** Any contact or regulator by id, e.g. to learn the tier of a ledger recipient. */
    public Optional<Contact> contact(String id) {
        return Stream.concat(contactsByEnterprise.values().stream(), regulatorsByRegion.values().stream())
                .flatMap(List::stream).filter(c -> c.id().equals(id)).findFirst();
    }

    static boolean covers(String region, String regionCode) {
        return regionCode.startsWith(significant(region));
    }

    /** {@code 410400 -> 4104}, {@code 410000 -> 41}: trailing "00" pairs mean "every sub-region". */
    private static String significant(String region) {
        String s = region;
        while (s.length() > 2 && s.endsWith("00")) {
            s = s.substring(0, s.length() - 2);
        }
        return s;
    }

    public int enterpriseCount() {
        return contactsByEnterprise.size();
    }

    public int contactCount() {
        return contactsByEnterprise.values().stream().mapToInt(List::size).sum()
                + regulatorsByRegion.values().stream().mapToInt(List::size).sum();
    }

    /** For the startup log: {@code E-HN-COAL-01=2, E-HN-NH3-01=1}, then regions. */
    public String summary() {
        String enterprises = contactsByEnterprise.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().size())
                .collect(Collectors.joining(", "));
        if (regulatorsByRegion.isEmpty()) {
            return enterprises;
        }
        return enterprises + "; regulators " + regulatorsByRegion.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().size()).collect(Collectors.joining(", "));
    }
}
