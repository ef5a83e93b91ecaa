package org.goldenthread.pipeline.equality;

import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * An ICS administrator's page for inviting people in the register to give their equality answers.
 * It shows who has a link and when it was emailed, never whether or what anyone answered.
 */
@Controller
class EqualityPages {

    private final EqualityInvitations invitations;
    private final EqualityLinkMail mail;

    EqualityPages(EqualityInvitations invitations, EqualityLinkMail mail) {
        this.invitations = invitations;
        this.mail = mail;
    }

    @Allowed(Role.ICS_ADMIN)
    @GetMapping("/ics/{ods}/pipeline/equality")
    String page(@PathVariable String ods, Model model) {
        model.addAttribute("invitees", invitations.invitees());
        model.addAttribute("emailSetUp", mail.isSetUp());
        return "pipeline/equality-links";
    }

    /**
     * A new link for one person: emailed when it can be, otherwise shown on this page once, to copy.
     * The page is answered directly rather than by a redirect, so the secret is never kept in a session.
     */
    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/pipeline/equality/{person}/link")
    String link(@PathVariable String ods, @PathVariable long person, Model model) {
        EqualityInvitations.Made made = invitations.send(invitations.issue(person));
        model.addAttribute("made", made);
        if (!made.emailed()) {
            model.addAttribute(
                    "copyLink", mail.base() + "/equality/" + made.link().token());
        }
        return page(ods, model);
    }
}
