package dev.anjian.storage.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The scope of an audit report, as the online-rate job names scopes ({@code REGION_VEHICLE_CLASS},
 * {@code 410100/DANGEROUS_GOODS}), and the InfluxQL tag filter that selects its devices in
 * {@code device_status}: regions match their sub-regions (410100 matches 410102), and vehicle-class scopes
 * select every vehicle terminal of the region, since status points carry no vehicle class ({@link #note()}).
 */
public record ReportScope(String type, String name) {

    private static final List<String> TYPES = List.of("ALL", "REGION", "ENTERPRISE", "INDUSTRY", "KIND", "VEHICLE_CLASS",
            "REGION_INDUSTRY", "REGION_KIND", "REGION_VEHICLE_CLASS", "ENTERPRISE_KIND");

    public ReportScope {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("unknown scope type " + type + ", expected one of " + TYPES);
        }
        String[] parts = name.split("/");
        if (type.contains("_") && !type.equals("VEHICLE_CLASS") && parts.length != 2) {
            throw new IllegalArgumentException("scope " + type + " is written A/B, e.g. 410100/ROAD_TRANSPORT; was " + name);
        }
        if (type.startsWith("REGION") && !parts[0].matches("\\d{6}")) {
            throw new IllegalArgumentException("region must be a 6-digit GB/T 2260 code, was " + parts[0]);
        }
        if (!name.matches("[A-Za-z0-9_./\\-]+")) {
            throw new IllegalArgumentException("scope name may hold letters, digits, _ . / - only, was " + name);
        }
    }

    /** InfluxQL conditions on device_status tags, joined with AND; "" for ALL. */
    public String statusFilter() {
        String[] parts = name.split("/");
        List<String> conditions = new ArrayList<>();
        switch (type) {
            case "REGION" -> conditions.add(region(parts[0]));
            case "ENTERPRISE" -> conditions.add(tag("enterprise", name));
            case "INDUSTRY" -> conditions.add(tag("industry", name));
            case "KIND" -> conditions.add(tag("kind", name));
            case "VEHICLE_CLASS" -> conditions.add(tag("kind", "VEHICLE_TERMINAL"));
            case "REGION_INDUSTRY" -> conditions.addAll(List.of(region(parts[0]), tag("industry", parts[1])));
            case "REGION_KIND" -> conditions.addAll(List.of(region(parts[0]), tag("kind", parts[1])));
            case "REGION_VEHICLE_CLASS" -> conditions.addAll(List.of(region(parts[0]), tag("kind", "VEHICLE_TERMINAL")));
            case "ENTERPRISE_KIND" -> conditions.addAll(List.of(tag("enterprise", parts[0]), tag("kind", parts[1])));
            default -> { } // ALL
        }
        return String.join(" AND ", conditions);
    }

    /** Why episodes and alarms may cover more than the scope, or "" when they match it exactly. */
    public String note() {
        return type.endsWith("VEHICLE_CLASS")
                ? "Status and alarm points carry no vehicle class: offline episodes and alarms cover every vehicle"
                        + " terminal" + (type.startsWith("REGION") ? " of region " + name.split("/")[0] : "") + "."
                : "";
    }

    @Override
    public String toString() {
        return type + ":" + name;
    }

    private static String tag(String key, String value) {
        return "\"" + key + "\" = '" + value + "'";
    }

    /** 410000 (province) and 410100 (city) match every code below them; a county matches itself. */
    private static String region(String code) {
        String prefix = code.endsWith("0000") ? code.substring(0, 2) : code.endsWith("00") ? code.substring(0, 4) : code;
        return "\"region\" =~ /^" + prefix + "/";
    }
}
