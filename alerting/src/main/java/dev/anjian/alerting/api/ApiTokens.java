package dev.anjian.alerting.api;

import dev.anjian.common.ConfigException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The API tokens file (see {@code config/api-tokens.yaml}): each token stored as its SHA-256 in hex, never
 * in clear, with a name, a role and the enterprise (ENTERPRISE) or optional regions (CENTRE). A presented
 * bearer token is hashed and looked up. Validated at startup; errors name the file and the token entry.
 * Hash a new token with {@code printf %s "$TOKEN" | sha256sum}.
 */
public final class ApiTokens {

    private static final Set<String> FIELDS = Set.of("name", "sha256", "role", "enterprise", "regions");

    private final Map<String, Principal> byHash;

    ApiTokens(Map<String, Principal> byHash) {
        this.byHash = Map.copyOf(byHash);
    }

    public static ApiTokens load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("API tokens file not found: " + file.toAbsolutePath());
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.toString(), reader);
        } catch (IOException e) {
            throw new ConfigException("cannot read API tokens file " + file.toAbsolutePath() + ": " + e.getMessage());
        }
    }

    public static ApiTokens parse(String origin, Reader yaml) {
        Object root;
        try {
            root = new Yaml(new LoaderOptions()).load(yaml);
        } catch (YAMLException e) {
            throw new ConfigException("API tokens file " + origin + " is not valid YAML: " + e.getMessage());
        }
        if (!(root instanceof Map<?, ?> top) || !(top.get("tokens") instanceof List<?> list) || top.size() != 1) {
            throw new ConfigException("API tokens file " + origin + " must hold one key 'tokens' with a list of tokens");
        }
        Map<String, Principal> byHash = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String where = "API tokens file " + origin + ", token " + (i + 1);
            if (!(list.get(i) instanceof Map<?, ?> entry)) {
                throw new ConfigException(where + ": must be a mapping with name, sha256, role");
            }
            for (Object key : entry.keySet()) {
                if (!FIELDS.contains(String.valueOf(key))) {
                    throw new ConfigException(where + ": unknown field '" + key + "' (expected " + FIELDS + ")");
                }
            }
            String hash = text(entry, "sha256", where).toLowerCase(java.util.Locale.ROOT);
            if (!hash.matches("[0-9a-f]{64}")) {
                throw new ConfigException(where + ": field 'sha256' must be 64 hex digits (printf %s \"$TOKEN\" | sha256sum)");
            }
            if (byHash.put(hash, principal(entry, where)) != null) {
                throw new ConfigException(where + ": the same token is listed twice");
            }
        }
        return new ApiTokens(byHash);
    }

    private static Principal principal(Map<?, ?> entry, String where) {
        String name = text(entry, "name", where);
        Principal.Role role;
        try {
            role = Principal.Role.valueOf(text(entry, "role", where));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + " (" + name + "): field 'role' must be CENTRE or ENTERPRISE");
        }
        if (role == Principal.Role.ENTERPRISE) {
            if (entry.containsKey("regions")) {
                throw new ConfigException(where + " (" + name + "): an ENTERPRISE token has no 'regions'");
            }
            return new Principal(name, role, text(entry, "enterprise", where + " (" + name + ")"), List.of());
        }
        if (entry.containsKey("enterprise")) {
            throw new ConfigException(where + " (" + name + "): a CENTRE token has no 'enterprise' (use 'regions')");
        }
        Object regions = entry.get("regions");
        if (regions != null && !(regions instanceof List<?> r && r.stream().allMatch(x -> String.valueOf(x).matches("\\d{6}")))) {
            throw new ConfigException(where + " (" + name + "): field 'regions' must be a list of 6-digit region codes");
        }
        return new Principal(name, role, null, regions == null ? List.of()
                : ((List<?>) regions).stream().map(String::valueOf).toList());
    }

    private static String text(Map<?, ?> entry, String field, String where) {
        Object value = entry.get(field);
        if (value == null || String.valueOf(value).isBlank()) {
            throw new ConfigException(where + ": missing field '" + field + "'");
        }
        return String.valueOf(value).strip();
    }

    /** The principal of a presented token, if it is known. */
    public Optional<Principal> authenticate(String token) {
        return Optional.ofNullable(byHash.get(sha256(token)));
    }

    public int size() {
        return byHash.size();
    }

    public static String sha256(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
