package dev.anjian.jobs.onlinerate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The scopes a device counts in, each {@code type:name}. Regions roll up the GB/T 2260 hierarchy, so a
 * device in 410102 (Zhongyuan district) counts in 410102, 410100 (Zhengzhou) and 410000 (Henan):
 * <pre>
 * ALL:all  ENTERPRISE:E1  REGION:410100  INDUSTRY:ROAD_TRANSPORT  KIND:VEHICLE_TERMINAL
 * VEHICLE_CLASS:DANGEROUS_GOODS  REGION_INDUSTRY:410100/ROAD_TRANSPORT  REGION_KIND:410100/VEHICLE_TERMINAL
 * REGION_VEHICLE_CLASS:410100/DANGEROUS_GOODS  ENTERPRISE_KIND:E1/VEHICLE_TERMINAL
 * </pre>
 */
public final class Scopes {

    public static final String ALL = "ALL";
    public static final String ENTERPRISE = "ENTERPRISE";
    public static final String REGION = "REGION";
    public static final String INDUSTRY = "INDUSTRY";
    public static final String KIND = "KIND";
    public static final String VEHICLE_CLASS = "VEHICLE_CLASS";
    public static final String REGION_INDUSTRY = "REGION_INDUSTRY";
    public static final String REGION_KIND = "REGION_KIND";
    public static final String REGION_VEHICLE_CLASS = "REGION_VEHICLE_CLASS";
    public static final String ENTERPRISE_KIND = "ENTERPRISE_KIND";

    /** Every scope type, in the order reports list them. */
    public static final List<String> TYPES = List.of(ALL, REGION, ENTERPRISE, INDUSTRY, KIND, VEHICLE_CLASS,
            REGION_INDUSTRY, REGION_KIND, REGION_VEHICLE_CLASS, ENTERPRISE_KIND);

    private Scopes() {
    }

    /** One scope: {@code type} one of {@link #TYPES}, {@code name} e.g. {@code 410100/ROAD_TRANSPORT}. */
    public record Scope(String type, String name) {
        public String key() {
            return type + ':' + name;
        }
    }

    public static List<Scope> of(Dims dims) {
        List<Scope> scopes = new ArrayList<>();
        scopes.add(new Scope(ALL, "all"));
        scopes.add(new Scope(ENTERPRISE, dims.enterpriseId()));
        scopes.add(new Scope(INDUSTRY, dims.industry().name()));
        scopes.add(new Scope(KIND, dims.kind().name()));
        scopes.add(new Scope(ENTERPRISE_KIND, dims.enterpriseId() + '/' + dims.kind().name()));
        if (dims.vehicleClass() != null) {
            scopes.add(new Scope(VEHICLE_CLASS, dims.vehicleClass().name()));
        }
        for (String region : regionLevels(dims.regionCode())) {
            scopes.add(new Scope(REGION, region));
            scopes.add(new Scope(REGION_INDUSTRY, region + '/' + dims.industry().name()));
            scopes.add(new Scope(REGION_KIND, region + '/' + dims.kind().name()));
            if (dims.vehicleClass() != null) {
                scopes.add(new Scope(REGION_VEHICLE_CLASS, region + '/' + dims.vehicleClass().name()));
            }
        }
        return scopes;
    }

    /** County, city and province of a 6-digit code: 410102 -> [410102, 410100, 410000]; 410100 -> [410100, 410000]. */
    static List<String> regionLevels(String code) {
        Set<String> levels = new LinkedHashSet<>();
        levels.add(code);
        levels.add(code.substring(0, 4) + "00");
        levels.add(code.substring(0, 2) + "0000");
        return List.copyOf(levels);
    }
}
