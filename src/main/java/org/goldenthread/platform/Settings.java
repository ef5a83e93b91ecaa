package org.goldenthread.platform;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Configuration;

/**
 * Everything under {@code gt.*}, read once at start. The defaults here are the ones
 * src/main/resources/application.yml spells out and the README's Configuration table lists; keep the
 * three in step. Environment variables reach these by Spring's relaxed names ({@code GT_DATA_DIR} is
 * {@code gt.data-dir}). An empty text means "not set".
 */
@ConfigurationProperties("gt")
public record Settings(
        @DefaultValue("./data") String dataDir,
        @DefaultValue Database database,
        @DefaultValue Admin admin,
        @DefaultValue("false") boolean demo,
        @DefaultValue Privacy privacy,
        @DefaultValue("") String publicUrl,
        @DefaultValue Mail mail,
        @DefaultValue Security security,
        @DefaultValue Api api,
        @DefaultValue Surveys surveys) {

    public Settings {
        publicUrl = orEmpty(publicUrl);
    }

    /** An external PostgreSQL (its schema owner); with no url, the embedded one under the data directory. */
    public record Database(
            @DefaultValue("") String url,
            @DefaultValue("") String user,
            @DefaultValue("") String password,
            @DefaultValue("false") boolean ephemeral) {

        public Database {
            url = orEmpty(url);
            user = orEmpty(user);
            password = orEmpty(password);
        }
    }

    /** The first platform administrator; without a password one is generated and printed once. */
    public record Admin(
            @DefaultValue("") String email,
            @DefaultValue("") String password) {

        public Admin {
            email = orEmpty(email);
            password = orEmpty(password);
        }
    }

    /** The platform's k for small-number suppression. */
    public record Privacy(@DefaultValue("10") int minGroupSize) {}

    public record Mail(@DefaultValue("") String from) {

        public Mail {
            from = orEmpty(from);
        }
    }

    /** Lock-out after failed sign-ins. */
    public record Security(
            @DefaultValue("5") int maxFailedLogins,
            @DefaultValue("15") int lockoutMinutes) {}

    /** Limits on API calls; 0 concurrent calls means two per core. */
    public record Api(
            @DefaultValue("1048576") long maxJsonBytes,
            @DefaultValue("536870912") long maxImportBytes,
            @DefaultValue("0") int maxConcurrent) {}

    /** 0 MB of results memory means a quarter of the heap. */
    public record Surveys(
            @DefaultValue("0") long resultsMemoryMb,
            @DefaultValue("10") int resumeAttempts,
            @DefaultValue("15m") Duration resumeLockout,
            @DefaultValue("90") int draftDays) {}

    // an empty value in application.yml (`url: ""`) may arrive as null
    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(Settings.class)
    static class Binding {}
}
