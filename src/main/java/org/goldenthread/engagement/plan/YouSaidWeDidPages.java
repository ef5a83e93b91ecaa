package org.goldenthread.engagement.plan;

import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Choice;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.FormPage;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.MailServer;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The "you said, we did" page of a survey or an event, for those who plan engagement: the themes
 * heard and how often, the actions taken on them, and the public page published, its link copied
 * or withdrawn.
 */
@Controller
class YouSaidWeDidPages {

    private static final FormPage PAGE = new FormPage("engagement/plan/you-said-we-did");
    private static final FormPage ACTION = new FormPage("engagement/plan/action");

    private final YouSaidWeDid yswd;
    private final PublicLinks links;
    private final MailServer server;

    YouSaidWeDidPages(YouSaidWeDid yswd, PublicLinks links, MailServer server) {
        this.yswd = yswd;
        this.links = links;
        this.server = server;
    }

    private static String base(Subject s) {
        return "/ics/" + Scope.currentTenant().odsCode() + "/you-said-we-did/" + s.kind() + "/" + s.id();
    }

    private Model page(Model model, Subject s) {
        model.addAttribute("subject", s);
        model.addAttribute("base", base(s));
        model.addAttribute("heard", yswd.heard(s));
        model.addAttribute("k", yswd.k());
        model.addAttribute("actions", yswd.actions(s));
        model.addAttribute("publishedAt", links.publishedAt(s));
        model.addAttribute("canEdit", PlanPages.canEdit());
        model.addAttribute("statuses", Coded.labels(ActionStatus.class));
        model.addAttribute("statusChoices", Choice.of(ActionStatus.class));
        model.addAttribute(
                "themeChoices",
                yswd.themes(s).stream()
                        .map(t -> new Choice(String.valueOf(t.id()), t.name()))
                        .toList());
        return model;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @GetMapping("/ics/{ods}/you-said-we-did/{kind}/{id}")
    String show(@PathVariable String ods, @PathVariable String kind, @PathVariable long id, Model model) {
        return PAGE.show(page(model, yswd.subject(kind, id)), ActionForm.blank());
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/you-said-we-did/{kind}/{id}/actions")
    String add(
            @PathVariable String ods,
            @PathVariable String kind,
            @PathVariable long id,
            ActionForm form,
            Model model,
            RedirectAttributes redirect) {
        Subject s = yswd.subject(kind, id);
        try {
            yswd.add(s, form);
            redirect.addFlashAttribute("success", "The action is added.");
            return "redirect:" + base(s) + "#actions";
        } catch (InvalidInput e) {
            return PAGE.showAgain(page(model, s), form, e);
        }
    }

    private Model actionPage(Model model, Subject s, long action) {
        page(model, s);
        model.addAttribute("action", yswd.action(s, action));
        return model;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @GetMapping("/ics/{ods}/you-said-we-did/{kind}/{id}/actions/{action}")
    String action(
            @PathVariable String ods,
            @PathVariable String kind,
            @PathVariable long id,
            @PathVariable long action,
            Model model) {
        Subject s = yswd.subject(kind, id);
        return ACTION.show(actionPage(model, s, action), ActionForm.of(yswd.action(s, action)));
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/you-said-we-did/{kind}/{id}/actions/{action}")
    String change(
            @PathVariable String ods,
            @PathVariable String kind,
            @PathVariable long id,
            @PathVariable long action,
            ActionForm form,
            Model model,
            RedirectAttributes redirect) {
        Subject s = yswd.subject(kind, id);
        try {
            yswd.update(s, action, form);
            redirect.addFlashAttribute("success", "The action is changed.");
            return "redirect:" + base(s) + "#actions";
        } catch (InvalidInput e) {
            return ACTION.showAgain(actionPage(model, s, action), form, e);
        }
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/you-said-we-did/{kind}/{id}/actions/{action}/remove")
    String remove(
            @PathVariable String ods,
            @PathVariable String kind,
            @PathVariable long id,
            @PathVariable long action,
            RedirectAttributes redirect) {
        Subject s = yswd.subject(kind, id);
        yswd.remove(s, action);
        redirect.addFlashAttribute("success", "The action is removed.");
        return "redirect:" + base(s) + "#actions";
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/you-said-we-did/{kind}/{id}/publish")
    String publish(
            @PathVariable String ods, @PathVariable String kind, @PathVariable long id, RedirectAttributes redirect) {
        Subject s = yswd.subject(kind, id);
        String token = links.publish(s);
        redirect.addFlashAttribute("copyLink", server.linkBase() + "/you-said-we-did/" + token);
        redirect.addFlashAttribute("success", "The page is published. Copy its link below.");
        return "redirect:" + base(s) + "#publication";
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/you-said-we-did/{kind}/{id}/withdraw")
    String withdraw(
            @PathVariable String ods, @PathVariable String kind, @PathVariable long id, RedirectAttributes redirect) {
        Subject s = yswd.subject(kind, id);
        links.withdraw(s);
        redirect.addFlashAttribute("success", "The page is withdrawn. Its link no longer works.");
        return "redirect:" + base(s) + "#publication";
    }
}
