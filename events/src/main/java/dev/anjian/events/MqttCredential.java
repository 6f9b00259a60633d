package dev.anjian.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

/**
 * A device's MQTT password as the registry keeps it: a random salt and SHA-256(salt bytes || UTF-8 password),
 * written {@code sha256:<salt hex>:<hash hex>}, e.g.
 * {@code sha256:8f1c2a9e4b7d6031a5c9e2f4b8d07a13:<64 hex digits>}. The native MQTT endpoint checks a device's
 * CONNECT password with {@link #matches}; the password itself is stored nowhere.
 *
 * <p>SHA-256 is a fast hash: it suits long random machine secrets (devices), not short human passwords.
 * Give every device its own random password of 16 or more characters.
 */
public final class MqttCredential {

    public static final String SCHEME = "sha256";
    public static final int SALT_BYTES = 16;
    static final int MIN_SALT_BYTES = 8;
    static final int MAX_SALT_BYTES = 64;
    private static final int HASH_BYTES = 32;
    private static final String FORMAT = "'" + SCHEME + ":<salt hex>:<64 hex digits>'";

    private final byte[] salt;
    private final byte[] hash;

    private MqttCredential(byte[] salt, byte[] hash) {
        this.salt = salt;
        this.hash = hash;
    }

    /** A credential for {@code password} with a fresh {@value #SALT_BYTES}-byte salt (pass a SecureRandom). */
    public static MqttCredential of(String password, Random random) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("an MQTT password must not be empty");
        }
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new MqttCredential(salt, digest(salt, password.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Reads the registry form. The message of the exception never repeats the value, so that a plain password
     * pasted by mistake does not end up in a log.
     */
    public static MqttCredential parse(String text) {
        String[] parts = text == null ? new String[0] : text.split(":", -1);
        if (parts.length != 3 || !SCHEME.equals(parts[0])) {
            throw invalid("must be " + FORMAT);
        }
        byte[] salt = hex(parts[1], "salt");
        byte[] hash = hex(parts[2], "hash");
        if (salt.length < MIN_SALT_BYTES || salt.length > MAX_SALT_BYTES) {
            throw invalid("must have a salt of " + MIN_SALT_BYTES + " to " + MAX_SALT_BYTES + " bytes, had "
                    + salt.length);
        }
        if (hash.length != HASH_BYTES) {
            throw invalid("must end in a SHA-256 hash of 64 hex digits, had " + parts[2].length() + " characters");
        }
        return new MqttCredential(salt, hash);
    }

    public boolean matches(String password) {
        return password != null && matches(password.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the UTF-8 bytes of a password (as in an MQTT CONNECT) match; compared in constant time. */
    public boolean matches(byte[] passwordUtf8) {
        return passwordUtf8 != null && MessageDigest.isEqual(hash, digest(salt, passwordUtf8));
    }

    /** The registry form, {@code sha256:<salt hex>:<hash hex>}. */
    public String text() {
        return SCHEME + ":" + HexFormat.of().formatHex(salt) + ":" + HexFormat.of().formatHex(hash);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MqttCredential c && Arrays.equals(salt, c.salt) && Arrays.equals(hash, c.hash);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(salt) + Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return text();
    }

    private static byte[] digest(byte[] salt, byte[] password) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            return sha256.digest(password);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static byte[] hex(String digits, String part) {
        if (digits.isEmpty() || digits.length() % 2 != 0) {
            throw invalid("must be " + FORMAT + "; its " + part + " is not an even number of hex digits");
        }
        try {
            return HexFormat.of().parseHex(digits);
        } catch (IllegalArgumentException e) {
            throw invalid("must be " + FORMAT + "; its " + part + " is not hexadecimal");
        }
    }

    private static IllegalArgumentException invalid(String problem) {
        return new IllegalArgumentException("field 'mqttCredential' " + problem
                + " (make one with: anjian registry hash-password)");
    }
}
