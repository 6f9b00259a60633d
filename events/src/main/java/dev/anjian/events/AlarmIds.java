package dev.anjian.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic alarm ids: the same device, rule and episode start always give the same id, so a
 * replay after a restart re-emits ids that consumers have already seen. Example:
 * {@code of("HN-PDS-CM01-CH4-T1", "threshold:CH4", 1764374400000L)} is {@code "A" + 15 hex digits}.
 */
public final class AlarmIds {

    private AlarmIds() {
    }

    public static String of(String deviceId, String rule, long episodeStart) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((deviceId + '|' + rule + '|' + episodeStart).getBytes(StandardCharsets.UTF_8));
            return "A" + HexFormat.of().formatHex(digest, 0, 8).substring(0, 15);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** The first characters of an id, enough for an operator to find the alarm (used in SMS). */
    public static String shortForm(String alarmId) {
        return alarmId.length() <= 8 ? alarmId : alarmId.substring(0, 8);
    }
}
