package org.goldenthread.engagement.collecting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.goldenthread.platform.Settings;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Wrong resume codes tried against one survey from one address. A code is long enough that guessing
 * one is hopeless, but nobody should get to try thousands: after too many misses the address waits.
 * Addresses are kept only in memory, only as a salted digest (the salt dies with the process), and
 * never beside any answer, so they cannot tie a respondent to a response.
 */
@Component
class ResumeAttempts {

    /** Beyond this many addresses being counted at once, counts that have run out are cleared. */
    private static final int TIDY_ABOVE = 100_000;

    private final int maxMisses;
    private final long windowNanos;
    private final byte[] salt = new byte[16];
    private final Map<String, Misses> misses = new ConcurrentHashMap<>();

    private record Misses(int count, long since) {}

    ResumeAttempts(Settings settings) {
        int maxMisses = settings.surveys().resumeAttempts();
        Duration window = settings.surveys().resumeLockout();
        if (maxMisses < 1) {
            throw new IllegalArgumentException("gt.surveys.resume-attempts must be at least 1");
        }
        this.maxMisses = maxMisses;
        this.windowNanos = window.toNanos();
        new SecureRandom().nextBytes(salt);
    }

    /** How long the lock-out lasts, for telling the respondent. */
    long minutes() {
        return Math.max(1, Duration.ofNanos(windowNanos).toMinutes());
    }

    boolean blocked(long surveyId, @Nullable String address) {
        Misses m = misses.get(key(surveyId, address));
        return m != null && m.count() >= maxMisses && System.nanoTime() - m.since() < windowNanos;
    }

    void missed(long surveyId, @Nullable String address) {
        long now = System.nanoTime();
        if (misses.size() > TIDY_ABOVE) {
            misses.values().removeIf(m -> now - m.since() >= windowNanos);
        }
        misses.merge(
                key(surveyId, address),
                new Misses(1, now),
                (old, one) -> now - old.since() >= windowNanos ? one : new Misses(old.count() + 1, old.since()));
    }

    private String key(long surveyId, @Nullable String address) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update((surveyId + "|" + address).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
