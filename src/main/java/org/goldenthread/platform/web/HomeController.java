package org.goldenthread.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.Grant;
import org.goldenthread.platform.Public;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.SignedIn;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class HomeController {

    private final ObjectProvider<ClientRegistrationRepository> oidcProviders;
    private final boolean secureCookies;

    HomeController(
            ObjectProvider<ClientRegistrationRepository> oidcProviders,
            @Value("${server.servlet.session.cookie.secure:true}") boolean secureCookies) {
        this.oidcProviders = oidcProviders;
        this.secureCookies = secureCookies;
    }

    @Public("the sign-in page")
    @GetMapping("/login")
    String signIn(
            @RequestParam(required = false) String error,
            @RequestParam(name = "signed-out", required = false) String signedOut,
            Model model,
            HttpServletRequest request) {
        model.addAttribute("error", error);
        model.addAttribute("signedOut", signedOut != null);
        // Browsers keep a Secure cookie only from HTTPS (or localhost): over plain HTTP from another
        // machine every sign-in would seem to work and then fail, so say why before anyone tries.
        model.addAttribute(
                "cookieWillBeRefused", secureCookies && !request.isSecure() && !isLoopback(request.getServerName()));
        List<ClientRegistration> providers = new java.util.ArrayList<>();
        if (oidcProviders.getIfAvailable() instanceof Iterable<?> registrations) {
            registrations.forEach(r -> providers.add((ClientRegistration) r));
        }
        model.addAttribute("providers", providers);
        return "platform/login";
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost")
                || host.endsWith(".localhost")
                || host.startsWith("127.")
                || host.equals("[::1]")
                || host.equals("::1");
    }

    /** Sends people where their work is: straight into their only ICS, or to a choice of them. */
    @SignedIn
    @GetMapping("/")
    String home(Model model) {
        Caller caller = Scope.currentCaller();
        List<Grant> icsList = caller.icsList();
        if (icsList.size() == 1 && !caller.isPlatformAdmin()) {
            return "redirect:/ics/" + icsList.get(0).icsOdsCode();
        }
        model.addAttribute("icsList", icsList);
        return "platform/home";
    }

    /** The header's ICS switcher posts here; works without JavaScript. */
    @SignedIn
    @GetMapping("/switch")
    String switchIcs(@RequestParam(required = false) String ics) {
        Caller caller = Scope.currentCaller();
        return caller.icsList().stream()
                .map(Grant::icsOdsCode)
                .filter(code -> code.equalsIgnoreCase(ics))
                .findFirst()
                .map(code -> "redirect:/ics/" + code)
                .orElse("redirect:/");
    }
}
