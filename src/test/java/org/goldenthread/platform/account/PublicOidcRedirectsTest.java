package org.goldenthread.platform.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.goldenthread.platform.Settings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

/** With a public URL, the sign-in provider is told to send people back to it, whatever host a request claimed. */
class PublicOidcRedirectsTest {

    private static final ClientRegistration PROVIDER = ClientRegistration.withRegistrationId("cis2")
            .clientId("gt")
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
            .authorizationUri("https://idp.example/authorize")
            .tokenUri("https://idp.example/token")
            .build();

    private static String redirectUri(String publicUrl) {
        Object processed = new PublicOidcRedirects(publicUrl)
                .postProcessAfterInitialization(new InMemoryClientRegistrationRepository(PROVIDER), "registrations");
        return ((InMemoryClientRegistrationRepository) processed)
                .findByRegistrationId("cis2")
                .getRedirectUri();
    }

    @Test
    void theReturnAddressStartsFromThePublicUrl() {
        assertThat(redirectUri("https://gt.example.org/"))
                .isEqualTo("https://gt.example.org/login/oauth2/code/{registrationId}");
    }

    /**
     * In the running application the post-processor reads {@code gt.public-url} from the settings
     * when the registrations are made, and leaves the settings themselves to every other processor.
     */
    @Test
    void inTheApplicationTheSettingsPublicUrlIsUsed() {
        new ApplicationContextRunner()
                .withPropertyValues("gt.public-url=https://gt.example.org")
                .withUserConfiguration(WithSettings.class, PublicOidcRedirects.class)
                .withBean(
                        InMemoryClientRegistrationRepository.class,
                        () -> new InMemoryClientRegistrationRepository(PROVIDER))
                .run(context -> assertThat(context.getBean(InMemoryClientRegistrationRepository.class)
                                .findByRegistrationId("cis2")
                                .getRedirectUri())
                        .isEqualTo("https://gt.example.org/login/oauth2/code/{registrationId}"));
    }

    @EnableConfigurationProperties(Settings.class)
    static class WithSettings {}

    @Test
    void withoutAPublicUrlTheProvidersOwnRegistrationDecides() {
        assertThat(redirectUri("")).isEqualTo("{baseUrl}/login/oauth2/code/{registrationId}");
    }
}
