package org.goldenthread.pipeline.equality;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class BaselineApi {

    private final WorkforceBaseline baseline;
    private final Representation representation;

    BaselineApi(WorkforceBaseline baseline, Representation representation) {
        this.baseline = baseline;
        this.representation = representation;
    }

    @Allowed(Role.ICS_ADMIN)
    @Operation(summary = "Import the workforce baseline (CSV)", description = """
            Replaces the ICS's workforce baseline with the file's counts, or, when any row has a problem, \
            changes nothing and answers 400 naming each row, column and reason. CSV (UTF-8) with the header \
            `profession_group,characteristic,value,count`: `profession_group` a group of the profession list \
            (such as `Medical`); `characteristic` `ethnic_group`, `sex` or `disability`; `value` one of that \
            characteristic's codes (as in the application file, `not_stated` included); `count` people, a \
            whole number from 0 to 10000000. Each group, characteristic and value at most once.""")
    @PostMapping(
            value = "/api/v1/ics/{ods}/workforce-baseline/import",
            consumes = {"text/csv", "text/plain", "application/octet-stream"})
    @ResponseStatus(HttpStatus.OK)
    WorkforceBaseline.Imported importBaseline(
            @PathVariable String ods, @RequestBody(required = false) byte @Nullable [] body) {
        return baseline.importFile(body == null ? new byte[0] : body);
    }

    @Allowed({Role.ICS_ADMIN, Role.ANALYST})
    @Operation(summary = "The workforce baseline's counts")
    @GetMapping("/api/v1/ics/{ods}/workforce-baseline")
    List<WorkforceBaseline.Count> counts(@PathVariable String ods) {
        return baseline.counts();
    }

    @Allowed({Role.ICS_ADMIN, Role.ANALYST})
    @Operation(summary = "Leaders' representation against the workforce baseline", description = """
            For each characteristic (`ethnic_group`, `sex`, `disability`), each level with leaders (people \
            holding a current appointment there) and `all` levels together: `leaders`, `not_stated` (leaders \
            who did not state an answer or gave none), and for each stated answer `leaders`, `leader_share` \
            (of leaders who stated one), `baseline_share` (of the workforce that stated one) and `ratio` = \
            leader share ÷ baseline share, rounded to 2 decimal places. Counts of 1 to k−1, and any count \
            that would give one away, are null with `suppressed` true, as are all shares and ratios of a level \
            where fewer than k leaders stated an answer, or whose `not_stated` is null (a share of those who             stated an answer would give their number away, and so `not_stated`). `findings` says in words where a group may be \
            under-represented (ratio below 0.80) or where nothing can be said.""")
    @GetMapping("/api/v1/ics/{ods}/representation")
    List<Representation.Table> representation(
            @PathVariable String ods,
            @Parameter(description = "Only leaders of this profession group, against its own baseline")
                    @RequestParam(required = false)
                    @Nullable
                    String group) {
        String professionGroup = null;
        if (group != null && !group.isBlank()) {
            professionGroup = baseline.groups().stream()
                    .filter(g -> g.equalsIgnoreCase(group.trim()))
                    .findFirst()
                    .orElseThrow(
                            () -> new InvalidInput("group", "There is no profession group called " + group.trim()));
        }
        return representation.tables(professionGroup);
    }
}
