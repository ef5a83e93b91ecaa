package org.goldenthread.platform.account;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.goldenthread.platform.FormPage;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Public;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Where a person opens their one-time link and chooses their password, before they can sign in. */
@Controller
@Public("the one-time link is the credential: its holder chooses a password without signing in")
class AccountLinkPages {

    private static final FormPage CLAIM = new FormPage("platform/claim");

    private final AccountLinks links;

    AccountLinkPages(AccountLinks links) {
        this.links = links;
    }

    /** The password chosen, typed twice. */
    record PasswordChoice(String password, String confirm) {

        /** Passwords are never shown again, so the form comes back empty. */
        static PasswordChoice blank() {
            return new PasswordChoice("", "");
        }
    }

    @GetMapping("/claim/{token}")
    String open(@PathVariable String token, Model model, HttpServletResponse response) {
        return CLAIM.show(linkPage(token, model, response), PasswordChoice.blank());
    }

    private Model linkPage(String token, Model model, HttpServletResponse response) {
        try {
            model.addAttribute("link", links.usable(token));
        } catch (NotFound e) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("unusable", e.getMessage());
        }
        model.addAttribute("token", token);
        return model;
    }

    @PostMapping("/claim/{token}")
    String use(
            @PathVariable String token,
            PasswordChoice form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            if (form.password() != null && !form.password().equals(form.confirm())) {
                links.usable(token);
                throw new InvalidInput("confirm", "The two passwords are not the same");
            }
            links.use(token, form.password());
            redirect.addFlashAttribute("claimed", true);
            return "redirect:/login";
        } catch (InvalidInput e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return CLAIM.showAgain(linkPage(token, model, response), PasswordChoice.blank(), e);
        } catch (NotFound e) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("unusable", e.getMessage());
            model.addAttribute("problems", List.of());
            return "platform/claim";
        }
    }
}
