package dev.anjian.alerting.routing;

import dev.anjian.common.ConfigException;
import dev.anjian.events.AlarmType;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads and validates the routing file (see {@code config/routing.yaml}): enterprise id -> contacts with
 * id, name, phone, tier (1 or 2) and optional types, min-level, hours; region code -> regulators on duty
 * (tier 3) with the same fields but no tier. Every error names the file, the line, the enterprise and the field, e.g.
 * {@code config/routing.yaml line 9: enterprise E-HN-COAL-01, contact 1: field 'phone' must be an
 * 11-digit mainland mobile number}. The YAML is walked as a node tree (not bound to classes) so that
 * every value keeps its line number.
 */
public final class RoutingFile {

    /** Mainland mobile numbers: 11 digits, 1 then 3-9 (13x ... 19x). */
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    /** Ids end up in ledger keys {@code alarmId/state/contactId}: no slashes, no spaces. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]+");
    private static final List<String> REQUIRED = List.of("id", "name", "phone", "tier");
    private static final Set<String> CONTACT_FIELDS = Set.of("id", "name", "phone", "tier", "types", "min-level", "hours");
    /** GB/T 2260 administrative division codes: six digits. */
    private static final Pattern REGION = Pattern.compile("\\d{6}");

    private final String origin;
    private final Map<String, Integer> contactIdLines = new HashMap<>();

    private RoutingFile(String origin) {
        this.origin = origin;
    }

    public static RoutingTable load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("routing file not found: " + file.toAbsolutePath());
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.toString(), reader);
        } catch (IOException e) {
            throw new ConfigException("cannot read routing file " + file.toAbsolutePath() + ": " + e.getMessage());
        }
    }

    /** Parses YAML text; {@code origin} names the source in error messages. */
    public static RoutingTable parse(String origin, Reader yaml) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(yaml);
        } catch (YAMLException e) {
            throw new ConfigException("routing file " + origin + " is not valid YAML: " + e.getMessage());
        }
        return new RoutingFile(origin).table(root);
    }

    private RoutingTable table(Node root) {
        if (!(root instanceof MappingNode top)) {
            throw new ConfigException("routing file " + origin + " must be a mapping with the key 'enterprises'");
        }
        Node enterprises = null;
        Node regulators = null;
        for (NodeTuple entry : top.getValue()) {
            String key = scalar(entry.getKeyNode(), "top level", "key");
            switch (key) {
                case "enterprises" -> enterprises = entry.getValueNode();
                case "regulators" -> regulators = entry.getValueNode();
                default -> throw error(entry.getKeyNode(), "top level",
                        "unknown key '" + key + "' (expected 'enterprises' or 'regulators')");
            }
        }
        if (!(enterprises instanceof MappingNode byId)) {
            throw error(enterprises == null ? top : enterprises, "top level",
                    "'enterprises' must map enterprise ids to lists of contacts");
        }
        return new RoutingTable(groups(byId, "enterprise", false), regulators == null ? Map.of() : regions(regulators));
    }

    private Map<String, List<Contact>> regions(Node node) {
        if (!(node instanceof MappingNode byRegion)) {
            throw error(node, "top level", "'regulators' must map region codes (6 digits) to lists of contacts");
        }
        return groups(byRegion, "region", true);
    }

    private Map<String, List<Contact>> groups(MappingNode byKey, String kind, boolean regulators) {
        Map<String, List<Contact>> table = new LinkedHashMap<>();
        for (NodeTuple entry : byKey.getValue()) {
            String key = id(entry.getKeyNode(), "top level", kind + " id");
            if (regulators && !REGION.matcher(key).matches()) {
                throw error(entry.getKeyNode(), "region " + key, "region code must be 6 digits (GB/T 2260), e.g. 410400");
            }
            if (table.containsKey(key)) {
                throw error(entry.getKeyNode(), kind + " " + key, kind + " listed twice");
            }
            table.put(key, contacts(kind + " " + key, entry.getValueNode(), regulators));
        }
        return table;
    }

    private List<Contact> contacts(String where, Node node, boolean regulators) {
        if (node instanceof ScalarNode empty && empty.getValue().isEmpty()) {
            return List.of();
        }
        if (!(node instanceof SequenceNode list)) {
            throw error(node, where, "must be a list of contacts (id, name, phone, tier)");
        }
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < list.getValue().size(); i++) {
            contacts.add(contact(list.getValue().get(i), where + ", contact " + (i + 1), regulators));
        }
        return contacts;
    }

    private Contact contact(Node node, String where, boolean regulator) {
        if (!(node instanceof MappingNode mapping)) {
            throw error(node, where, "must be a mapping with the fields id, name, phone, tier");
        }
        Map<String, Node> fields = new HashMap<>();
        for (NodeTuple entry : mapping.getValue()) {
            String field = scalar(entry.getKeyNode(), where, "field name");
            if (!CONTACT_FIELDS.contains(field)) {
                throw error(entry.getKeyNode(), where, "unknown field '" + field
                        + "' (expected id, name, phone, tier, types, min-level, hours)");
            }
            if (fields.put(field, entry.getValueNode()) != null) {
                throw error(entry.getKeyNode(), where, "field '" + field + "' given twice");
            }
        }
        for (String field : REQUIRED) {
            if (!fields.containsKey(field) && !(regulator && field.equals("tier"))) {
                throw error(node, where, "missing field '" + field + "'");
            }
        }
        String id = id(fields.get("id"), where, "id");
        Integer firstLine = contactIdLines.putIfAbsent(id, line(fields.get("id")));
        if (firstLine != null) {
            throw error(fields.get("id"), where, "duplicate contact id '" + id + "' (first used on line " + firstLine + ")");
        }
        int tier = regulator ? regulatorTier(fields.get("tier"), where) : tier(fields.get("tier"), where);
        return new Contact(id, text(fields.get("name"), where, "name"), phone(fields.get("phone"), where), tier,
                types(fields.get("types"), where), minLevel(fields.get("min-level"), where), hours(fields.get("hours"), where));
    }

    private int regulatorTier(Node node, String where) {
        if (node != null && !scalar(node, where, "tier").equals("3")) {
            throw error(node, where, "regulators are tier 3; leave 'tier' out or write 3");
        }
        return Contact.REGULATOR;
    }

    private Set<AlarmType> types(Node node, String where) {
        if (node == null) {
            return Set.of();
        }
        if (!(node instanceof SequenceNode list)) {
            throw error(node, where, "field 'types' must be a list of alarm types " + Arrays.toString(AlarmType.values()));
        }
        Set<AlarmType> types = EnumSet.noneOf(AlarmType.class);
        for (Node item : list.getValue()) {
            String type = scalar(item, where, "types");
            try {
                types.add(AlarmType.valueOf(type));
            } catch (IllegalArgumentException e) {
                throw error(item, where, "unknown alarm type '" + type + "' in 'types' (expected one of "
                        + Arrays.toString(AlarmType.values()) + ")");
            }
        }
        return types;
    }

    private int minLevel(Node node, String where) {
        if (node == null) {
            return 0;
        }
        String level = scalar(node, where, "min-level");
        if (!level.matches("[0-4]")) {
            throw error(node, where, "field 'min-level' must be 0 to 4, was '" + level + "'");
        }
        return Integer.parseInt(level);
    }

    private DutyHours hours(Node node, String where) {
        if (node == null) {
            return DutyHours.ALWAYS;
        }
        try {
            return DutyHours.parse(scalar(node, where, "hours"));
        } catch (IllegalArgumentException e) {
            throw error(node, where, "field 'hours' " + e.getMessage());
        }
    }

    private String phone(Node node, String where) {
        String phone = scalar(node, where, "phone");
        if (!MOBILE.matcher(phone).matches()) {
            // The value itself is not echoed: error messages end up in logs, phone numbers must not.
            throw error(node, where, "field 'phone' must be an 11-digit mainland mobile number (1[3-9] then 9 digits)");
        }
        return phone;
    }

    private int tier(Node node, String where) {
        String tier = scalar(node, where, "tier");
        if (!tier.equals("1") && !tier.equals("2")) {
            throw error(node, where, "field 'tier' must be 1 (safety officer) or 2 (enterprise head), was '" + tier + "'");
        }
        return Integer.parseInt(tier);
    }

    private String id(Node node, String where, String field) {
        String id = scalar(node, where, field);
        if (!ID.matcher(id).matches()) {
            throw error(node, where, "field '" + field + "' may hold only letters, digits, '.', '_' and '-', was '" + id + "'");
        }
        return id;
    }

    private String text(Node node, String where, String field) {
        String text = scalar(node, where, field);
        if (text.isBlank()) {
            throw error(node, where, "field '" + field + "' must not be empty");
        }
        return text.strip();
    }

    private String scalar(Node node, String where, String field) {
        if (!(node instanceof ScalarNode scalar)) {
            throw error(node, where, "field '" + field + "' must be a single value");
        }
        return scalar.getValue().strip();
    }

    private ConfigException error(Node node, String where, String problem) {
        return new ConfigException(origin + " line " + line(node) + ": " + where + ": " + problem);
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }
}
