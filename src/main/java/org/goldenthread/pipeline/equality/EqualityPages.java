package org.goldenthread.pipeline.equality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.ListPage;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.Search;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

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

    static final int PEOPLE_PER_PAGE = 25;

    /** One page of the register, each person with their current link; a search finds someone by name or email. */
    @Allowed(Role.ICS_ADMIN)
    @GetMapping("/ics/{ods}/pipeline/equality")
    String page(
            @PathVariable String ods,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        Search search = Search.of(q);
        List<EqualityInvitations.Invitee> invitees = invitations.invitees().stream()
                .filter(i -> search.finds(i.person().fullName(), i.person().email()))
                .toList();
        Map<String, @Nullable String> filters = new LinkedHashMap<>();
        filters.put("q", q);
        model.addAttribute(
                "invitees",
                ListPage.of(
                        invitees,
                        page,
                        PEOPLE_PER_PAGE,
                        "/ics/" + Scope.currentTenant().odsCode() + "/pipeline/equality",
                        filters));
        model.addAttribute("q", q);
        model.addAttribute("emailSetUp", mail.isSetUp());
        return "pipeline/equality-links";
    }

    /**
     * A new link for one person: emailed when it can be, otherwise shown on this page once, to copy.
     * The page is answered directly rather than by a redirect, so the secret is never kept in a session.
     */
    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/pipeline/equality/{person}/link")
    String link(
            @PathVariable String ods,
            @PathVariable long person,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        EqualityInvitations.Made made = invitations.send(invitations.issue(person));
        model.addAttribute("made", made);
        if (!made.emailed()) {
            model.addAttribute(
                    "copyLink", mail.base() + "/equality/" + made.link().token());
        }
        // the same page of the list as the button was on
        return page(ods, q, page, model);
    }
}
