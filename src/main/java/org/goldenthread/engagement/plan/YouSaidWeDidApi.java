package org.goldenthread.engagement.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.MailServer;
import org.goldenthread.platform.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * "You said, we did" through the API, for a survey ({@code kind} surveys) or an event ({@code kind}
 * events): the themes heard and how often (counts under the ICS's smallest group hidden), the actions
 * taken, and the public page's link, published, replaced or withdrawn.
 */
@RestController
class YouSaidWeDidApi {

    private static final String PATH = "/api/v1/ics/{ods}/engagement-plan/you-said-we-did/{kind}/{id}";

    private final YouSaidWeDid yswd;
    private final PublicLinks links;
    private final MailServer server;

    YouSaidWeDidApi(YouSaidWeDid yswd, PublicLinks links, MailServer server) {
        this.yswd = yswd;
        this.links = links;
        this.server = server;
    }

    record Summary(
            Subject subject,
            List<HeardTheme> heard,
            List<Action> actions,
            @JsonProperty("published_at") @Nullable Instant publishedAt) {}

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @Operation(summary = "What was heard in a survey or at an event, and the actions taken on it")
    @GetMapping(PATH)
    Summary summary(@PathVariable String ods, @PathVariable String kind, @PathVariable long id) {
        Subject s = yswd.subject(kind, id);
        return new Summary(s, yswd.heard(s), yswd.actions(s), links.publishedAt(s));
    }

    /** Adds an action: {@code theme_id} (optional) is a theme of the codebook, {@code due_on} year-month-day. */
    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Add an action taken on what was heard")
    @PostMapping(PATH + "/actions")
    @ResponseStatus(HttpStatus.CREATED)
    Action add(
            @PathVariable String ods, @PathVariable String kind, @PathVariable long id, @RequestBody ActionForm body) {
        return yswd.add(yswd.subject(kind, id), body);
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Change an action, its due date or its status")
    @PutMapping(PATH + "/actions/{action}")
    Action change(
            @PathVariable String ods,
            @PathVariable String kind,
            @PathVariable long id,
            @PathVariable long action,
            @RequestBody ActionForm body) {
        return yswd.update(yswd.subject(kind, id), action, body);
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Remove an action")
    @DeleteMapping(PATH + "/actions/{action}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable String ods, @PathVariable String kind, @PathVariable long id, @PathVariable long action) {
        yswd.remove(yswd.subject(kind, id), action);
    }

    record Published(
            String link,
            @JsonProperty("published_at") @Nullable Instant publishedAt) {}

    /**
     * Publishes the public page and answers its link, which is given only now (only a digest of it is
     * kept); publishing again replaces the link, and the earlier one stops working.
     */
    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Publish the public \"you said, we did\" page and get its link")
    @PostMapping(PATH + "/publication")
    @ResponseStatus(HttpStatus.CREATED)
    Published publish(@PathVariable String ods, @PathVariable String kind, @PathVariable long id) {
        Subject s = yswd.subject(kind, id);
        String token = links.publish(s);
        return new Published(server.linkBase() + "/you-said-we-did/" + token, links.publishedAt(s));
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Withdraw the public page: its link stops working")
    @DeleteMapping(PATH + "/publication")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withdraw(@PathVariable String ods, @PathVariable String kind, @PathVariable long id) {
        links.withdraw(yswd.subject(kind, id));
    }
}
