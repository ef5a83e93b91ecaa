package org.goldenthread.platform.account;

import java.util.ArrayList;
import java.util.List;
import org.goldenthread.platform.Settings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.stereotype.Component;

/**
 * The address a sign-in provider sends people back to is built, by default, from the host the
 * request claimed. Where {@code gt.public-url} is set it is built from that instead, so a forged
 * {@code Host} header cannot put another site into the sign-in redirect.
 */
@Component
class PublicOidcRedirects implements BeanPostProcessor {

    private static final String BASE_URL = "{baseUrl}";
    private final String publicUrl;

    PublicOidcRedirects(String publicUrl) {
        this.publicUrl = publicUrl.strip().replaceAll("/+$", "");
    }

    @Autowired
    PublicOidcRedirects(Settings settings) {
        this(settings.publicUrl());
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (publicUrl.isEmpty() || !(bean instanceof InMemoryClientRegistrationRepository registrations)) {
            return bean;
        }
        List<ClientRegistration> fromPublicUrl = new ArrayList<>();
        for (ClientRegistration r : registrations) {
            String redirectUri = r.getRedirectUri();
            fromPublicUrl.add(
                    redirectUri != null && redirectUri.startsWith(BASE_URL)
                            ? ClientRegistration.withClientRegistration(r)
                                    .redirectUri(publicUrl + redirectUri.substring(BASE_URL.length()))
                                    .build()
                            : r);
        }
        return new InMemoryClientRegistrationRepository(fromPublicUrl);
    }
}
