package org.goldenthread.platform.account;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.goldenthread.platform.Settings;
import org.springframework.beans.factory.ObjectProvider;
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
    private final Supplier<String> configuredUrl;

    PublicOidcRedirects(String publicUrl) {
        this.configuredUrl = () -> publicUrl;
    }

    /**
     * Settings are asked for only when the sign-in providers' registrations are built: a post-processor
     * is made before all others, and any bean it took at once would miss their processing.
     */
    @Autowired
    PublicOidcRedirects(ObjectProvider<Settings> settings) {
        this.configuredUrl = () -> settings.getObject().publicUrl();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof InMemoryClientRegistrationRepository registrations)) {
            return bean;
        }
        String publicUrl = configuredUrl.get().strip().replaceAll("/+$", "");
        if (publicUrl.isEmpty()) {
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
