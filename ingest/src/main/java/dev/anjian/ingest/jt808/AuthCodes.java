package dev.anjian.ingest.jt808;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Auth codes issued at registration (0x8100) and checked at authentication (0x0102): the first 16 hex digits
 * of HMAC-SHA256(secret, terminal key). Stateless, so a code survives gateway restarts and is the same on
 * every gateway instance sharing the secret; changing {@code jt808.auth-secret} makes every terminal
 * register again. Example: terminal 13800000001 with the demo secret gets a 16-character code.
 */
public final class AuthCodes {

    private final SecretKeySpec key;

    public AuthCodes(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String issue(String terminalKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(terminalKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Constant-time comparison, so the code cannot be guessed byte by byte from response times. */
    public boolean matches(String terminalKey, String authCode) {
        byte[] expected = issue(terminalKey).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, authCode.getBytes(StandardCharsets.UTF_8));
    }
}
