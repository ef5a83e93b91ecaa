package org.goldenthread.platform.tenancy;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.Tenant;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class IcsApi {

    private final Tenants tenants;

    IcsApi(Tenants tenants) {
        this.tenants = tenants;
    }

    record IcsView(
            @JsonProperty("ods_code") String odsCode,
            String name,
            String region,
            @JsonProperty("merged_into") String mergedInto,
            @JsonProperty("merged_at") OffsetDateTime mergedAt,
            boolean demo,
            @JsonProperty("min_group_size") Integer minGroupSize) {

        static IcsView of(Ics ics) {
            return new IcsView(
                    ics.odsCode(),
                    ics.name(),
                    ics.region(),
                    ics.mergedInto(),
                    ics.mergedAt(),
                    ics.demo(),
                    ics.minGroupSize());
        }
    }

    record NewIcs(@JsonProperty("ods_code") String odsCode, String name, String region) {}

    record Rename(String name) {}

    @Allowed(Role.PLATFORM_ADMIN)
    @Operation(summary = "Every ICS")
    @GetMapping("/api/v1/admin/ics")
    List<IcsView> list() {
        return tenants.all().stream().map(IcsView::of).toList();
    }

    @Allowed(Role.PLATFORM_ADMIN)
    @Operation(summary = "Create an ICS")
    @PostMapping("/api/v1/admin/ics")
    @ResponseStatus(HttpStatus.CREATED)
    IcsView create(@RequestBody NewIcs body) {
        return IcsView.of(tenants.create(body.odsCode(), body.name(), body.region()));
    }

    @Allowed(Role.PLATFORM_ADMIN)
    @Operation(summary = "Rename an ICS")
    @PatchMapping("/api/v1/admin/ics/{ods}")
    IcsView rename(@PathVariable String ods, @RequestBody Rename body) {
        return IcsView.of(tenants.rename(ods.toUpperCase(Locale.ROOT), body.name()));
    }

    @Allowed(Role.PLATFORM_ADMIN)
    @Operation(summary = "Set or clear the ICS's own small-number threshold")
    @PutMapping("/api/v1/admin/ics/{ods}/min-group-size")
    IcsView setMinGroupSize(@PathVariable String ods, @RequestBody Map<String, Object> body) {
        // null is a choice (back to the platform's threshold), so the field must be there to say it
        if (body == null || !body.containsKey("min_group_size")) {
            throw new InvalidInput(
                    "min_group_size",
                    "Give min_group_size: a whole number from 3 to 100, or null for" + " the platform's threshold");
        }
        Object k = body.get("min_group_size");
        if (k != null && !(k instanceof Integer)) {
            throw new InvalidInput("min_group_size", "Give a whole number from 3 to 100, or null");
        }
        return IcsView.of(tenants.setMinGroupSize(ods.toUpperCase(Locale.ROOT), (Integer) k));
    }

    record Counted(String key, String label, long source, long target, long after) {}

    record IcsBrief(@JsonProperty("ods_code") String odsCode, String name) {

        static IcsBrief of(Ics ics) {
            return new IcsBrief(ics.odsCode(), ics.name());
        }
    }

    record Thresholds(long source, long target) {}

    record MergePreviewView(
            IcsBrief source,
            IcsBrief target,
            List<Counted> records,
            @JsonProperty("coming_with") List<IcsBrief> comingWith,
            @JsonProperty("role_grants") MergePreview.Grants roleGrants,
            @JsonProperty("min_group_size") Thresholds minGroupSize,
            String confirm) {

        static MergePreviewView of(MergePreview p) {
            return new MergePreviewView(
                    IcsBrief.of(p.source()),
                    IcsBrief.of(p.target()),
                    p.records().stream()
                            .map(r -> new Counted(r.key(), r.label(), r.source(), r.target(), r.after()))
                            .toList(),
                    p.comingWith().stream().map(IcsBrief::of).toList(),
                    p.grants(),
                    new Thresholds(p.sourceMinGroupSize(), p.targetMinGroupSize()),
                    p.confirm());
        }
    }

    record MergeConfirmation(@Nullable String confirm) {}

    @Allowed(Role.PLATFORM_ADMIN)
    @Operation(
            summary = "What merging one ICS into another would do; changes nothing",
            description = "A dry run of the merge: for each kind of record, how many the ICS being merged holds"
                    + " (with any ICS merged into it before) and the target holds now (records: source, target,"
                    + " after); the ICSs that come with it (coming_with); the role grants that move to the target"
                    + " (role_grants: accounts, moved, and combined with a grant of the same role held there);"
                    + " the small-number thresholds of both (the target's applies afterwards); and confirm, the"
                    + " value the merge must be given. A merge that would be refused is refused here the same way.")
    @GetMapping("/api/v1/admin/ics/{ods}/merge-into/{target}")
    MergePreviewView previewMerge(@PathVariable String ods, @PathVariable String target) {
        return MergePreviewView.of(tenants.previewMerge(ods.toUpperCase(Locale.ROOT), target.toUpperCase(Locale.ROOT)));
    }

    @Allowed(Role.PLATFORM_ADMIN)
    @Operation(
            summary = "Merge one ICS into another; cannot be undone",
            description = "Needs {\"confirm\": \"<ODS code of the ICS being merged>\"}, exactly as the dry run"
                    + " (GET on the same path) gives it; without it, or with any other value, the answer is 400"
                    + " naming confirm and nothing is merged. Audited in both ICSs.")
    @PostMapping("/api/v1/admin/ics/{ods}/merge-into/{target}")
    IcsView merge(
            @PathVariable String ods,
            @PathVariable String target,
            @RequestBody(required = false) @Nullable MergeConfirmation body) {
        return IcsView.of(tenants.merge(
                ods.toUpperCase(Locale.ROOT), target.toUpperCase(Locale.ROOT), body == null ? null : body.confirm()));
    }

    @Allowed(Role.PLATFORM_ADMIN)
    @Operation(summary = "Add the 42 ICBs from the reference list")
    @PostMapping("/api/v1/admin/ics/load-reference")
    Map<String, Integer> loadReference() {
        return Map.of("added", tenants.loadReferenceIcbs());
    }

    /** The ICS in view, and what the caller may do in it. */
    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @Operation(summary = "The ICS, and your roles and places in it")
    @GetMapping("/api/v1/ics/{ods}")
    Map<String, Object> current(@PathVariable String ods) {
        Tenant tenant = Scope.currentTenant();
        Caller caller = Scope.currentCaller();
        return Map.of(
                "ods_code",
                tenant.odsCode(),
                "name",
                tenant.name(),
                "region",
                tenant.region() == null ? "" : tenant.region(),
                "roles",
                caller.rolesIn(tenant.id()).stream().sorted().map(Role::code).toList(),
                "places",
                caller.placesLedIn(tenant.id()));
    }
}
