package org.goldenthread.engagement.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Public;
import org.goldenthread.platform.ScopedTransactions;
import org.goldenthread.platform.Tenant;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public "you said, we did" page, through its unguessable link and without an account: the
 * themes heard (never anything anyone wrote) and what is being done about each.
 */
@Controller
@Public("people who took part read what was heard and what is being done, by a link shared with them")
class PublicPage {

    /** A theme heard and the actions answering it; actions answering no one theme come under a null theme. */
    record Answer(HeardTheme theme, List<Action> actions) {}

    record View(Subject subject, String ics, List<Answer> answers, List<Action> general, int k) {}

    private final PublicLinks links;
    private final YouSaidWeDid yswd;
    private final ScopedTransactions transactions;

    PublicPage(PublicLinks links, YouSaidWeDid yswd, ScopedTransactions transactions) {
        this.links = links;
        this.yswd = yswd;
        this.transactions = transactions;
    }

    @GetMapping("/you-said-we-did/{token}")
    String show(@PathVariable String token, Model model) {
        PublicLinks.Found found =
                links.find(token).orElseThrow(() -> new NotFound("This page does not exist or has been taken down"));
        View view = transactions.run(found.scope(), () -> view(found));
        model.addAttribute("view", view);
        model.addAttribute("statuses", Coded.labels(ActionStatus.class));
        return "engagement/plan/public";
    }

    private View view(PublicLinks.Found found) {
        Subject s = links.subjectOf(found.pageId(), yswd);
        List<Action> actions = yswd.actions(s);
        Map<Long, List<Action>> byTheme = new LinkedHashMap<>();
        List<Action> general = new ArrayList<>();
        for (Action a : actions) {
            if (a.themeId() == null) {
                general.add(a);
            } else {
                byTheme.computeIfAbsent(a.themeId(), t -> new ArrayList<>()).add(a);
            }
        }
        List<Answer> answers = yswd.heard(s).stream()
                .map(h -> new Answer(h, byTheme.getOrDefault(h.themeId(), List.of())))
                .toList();
        Tenant tenant = found.scope().tenant();
        return new View(s, tenant == null ? "" : tenant.name(), answers, general, yswd.k());
    }
}
