package org.goldenthread.platform.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
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

    @Test
    void withoutAPublicUrlTheProvidersOwnRegistrationDecides() {
        assertThat(redirectUri("")).isEqualTo("{baseUrl}/login/oauth2/code/{registrationId}");
    }
}
