package org.goldenthread.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The secret in a link that lets someone in without signing in (a survey, an event, a rater's
 * form), and its SHA-256 digest, which is all the database keeps. The secret goes out once, in an
 * email or onto an administrator's screen, and a copy of the database cannot give it back.
 */
public record LinkSecret(String token, byte[] hash) {

    /** URL-safe base64 of at least 12 random bytes; anything else is never looked up. */
    private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_-]{16,64}$");

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new secret of 24 random bytes. */
    public static LinkSecret fresh() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new LinkSecret(token, digest(token));
    }

    /** Whether a token from a request has the shape of one we issue. */
    public static boolean looksLike(@Nullable String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    public static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
