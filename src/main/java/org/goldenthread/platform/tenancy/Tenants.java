package org.goldenthread.platform.tenancy;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.Holdings;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.ScopedTransactions;
import org.goldenthread.platform.Signals;
import org.goldenthread.platform.SmallNumbers;
import org.goldenthread.platform.Tenant;
import org.goldenthread.platform.TenantDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The ICSs on this platform: creating, renaming, merging, and loading the reference list of ICBs. */
@Service
public class Tenants implements TenantDirectory {

    private static final Pattern ODS = Pattern.compile("^[A-Z0-9]{3,5}$");

    /**
     * How long this instance may answer from its memory of an ICS. Changes made here clear it at
     * once, and on every other instance once they commit ({@link Signals}); this only bounds the lag
     * should a signal be lost.
     */
    private static final long REMEMBER_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);

    private final JdbcClient jdbc;
    private final Audit audit;
    private final Map<String, Remembered> byOds = new java.util.concurrent.ConcurrentHashMap<>();
    /** Bumped by every change, so a lookup that started before a change cannot store what it read. */
    private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();

    private record Remembered(Tenant tenant, long at) {}

    private final Signals signals;
    private final ObjectProvider<Holdings> holdings;
    private final ScopedTransactions transactions;
    private final SmallNumbers small;

    Tenants(
            JdbcClient jdbc,
            Audit audit,
            Signals signals,
            ObjectProvider<Holdings> holdings,
            ScopedTransactions transactions,
            SmallNumbers small) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.signals = signals;
        this.holdings = holdings;
        this.transactions = transactions;
        this.small = small;
        // another instance changed an ICS: forget them all, as a change here does
        signals.listen(SIGNAL, detail -> forget());
    }

    private static final String SIGNAL = "ics";

    private static final String SELECT = """
            select i.id, i.ods_code, i.name, i.region, t.ods_code as merged_into, i.merged_at, i.demo,
                   i.min_group_size
              from ics i left join ics t on t.id = i.merged_into_id""";

    public List<Ics> all() {
        return jdbc.sql(SELECT + " order by i.name").query(Ics.class).list();
    }

    public Optional<Ics> find(String odsCode) {
        return jdbc.sql(SELECT + " where i.ods_code = :ods")
                .param("ods", odsCode)
                .query(Ics.class)
                .optional();
    }

    public Ics get(String odsCode) {
        return find(odsCode).orElseThrow(() -> new NotFound("No ICS has the ODS code " + odsCode));
    }

    /** The ICS as a tenant: its own id plus the ids of every ICS merged into it, at any depth. */
    public Optional<Tenant> tenant(String odsCode) {
        return find(odsCode)
                .filter(ics -> !ics.isMerged())
                .map(ics -> new Tenant(
                        ics.id(),
                        ics.odsCode(),
                        ics.name(),
                        ics.region(),
                        jdbc.sql("""
                        with recursive family(id) as (
                            select cast(:id as bigint)
                            union
                            select i.id from ics i join family f on i.merged_into_id = f.id)
                        select id from family order by id""").param("id", ics.id()).query(Long.class).list(),
                        ics.minGroupSize()));
    }

    /**
     * The tenant for a request's ODS code. Every request names its ICS, and ICSs change rarely, so
     * this comes from memory for a few seconds rather than from two queries each time. Only ICSs
     * that exist are remembered, so unknown codes cannot fill the memory.
     */
    public Optional<Tenant> tenantForRequest(String odsCode) {
        Remembered remembered = byOds.get(odsCode);
        long now = System.nanoTime();
        if (remembered != null && now - remembered.at() < REMEMBER_NANOS) {
            return Optional.of(remembered.tenant());
        }
        long before = changes.get();
        Optional<Tenant> tenant = tenant(odsCode);
        if (tenant.isPresent() && changes.get() == before) {
            byOds.put(odsCode, new Remembered(tenant.get(), now));
        } else {
            byOds.remove(odsCode);
        }
        return tenant;
    }

    /**
     * Forgets every remembered ICS now and again once the change commits, so no reader keeps the old
     * one; every other instance forgets them when the change commits.
     */
    private void changed() {
        forget();
        signals.send(SIGNAL, "");
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            forget();
                        }
                    });
        }
    }

    private void forget() {
        changes.incrementAndGet();
        byOds.clear();
    }

    @Override
    public List<Tenant> activeTenants() {
        return all().stream()
                .filter(ics -> !ics.isMerged())
                .map(ics -> tenant(ics.odsCode()))
                .flatMap(Optional::stream)
                .toList();
    }

    @Override
    public Optional<Tenant> tenantOf(long icsId) {
        return jdbc.sql("""
                        with recursive chain(id, merged_into_id, ods_code) as (
                            select id, merged_into_id, ods_code from ics where id = :id
                            union
                            select i.id, i.merged_into_id, i.ods_code from ics i join chain c on i.id = c.merged_into_id)
                        select ods_code from chain where merged_into_id is null""").param("id", icsId).query(String.class).optional().flatMap(this::tenant);
    }

    @Transactional
    public Ics create(String odsCode, String name, String region) {
        List<Problem> problems = new ArrayList<>();
        String ods = odsCode == null ? "" : odsCode.trim().toUpperCase(Locale.ROOT);
        if (!ODS.matcher(ods).matches()) {
            problems.add(Problem.of("ods_code", "Enter an ODS code of 3 to 5 letters or digits, like QE1"));
        } else if (find(ods).isPresent()) {
            problems.add(Problem.of("ods_code", "An ICS with the ODS code " + ods + " already exists"));
        }
        if (name == null || name.isBlank()) {
            problems.add(Problem.of("name", "Enter the name of the ICS"));
        } else if (name.trim().length() > 200) {
            problems.add(Problem.of("name", "The name must be 200 characters or fewer"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        changed();
        jdbc.sql("insert into ics (ods_code, name, region) values (:ods, :name, :region)")
                .param("ods", ods)
                .param("name", name.trim())
                .param("region", blankToNull(region))
                .update();
        Ics created = get(ods);
        audit.record("ics.created", "ics", ods, null, created);
        return created;
    }

    @Transactional
    public Ics rename(String odsCode, String name) {
        Ics before = get(odsCode);
        if (name == null || name.isBlank()) {
            throw new InvalidInput("name", "Enter the new name of the ICS");
        }
        if (name.trim().length() > 200) {
            throw new InvalidInput("name", "The name must be 200 characters or fewer");
        }
        changed();
        jdbc.sql("update ics set name = :name where id = :id")
                .param("name", name.trim())
                .param("id", before.id())
                .update();
        Ics after = get(odsCode);
        audit.record("ics.renamed", "ics", odsCode, before, after);
        return after;
    }

    /**
     * Sets the ICS's own small-number threshold (null: the platform's). It may be lower than the
     * platform's, as the ICS's own decision about its data, but never below {@link SmallNumbers#LOWEST_ALLOWED}.
     */
    @Transactional
    public Ics setMinGroupSize(String odsCode, @Nullable Integer minGroupSize) {
        Ics before = get(odsCode);
        if (before.isMerged()) {
            throw new InvalidInput(
                    "min_group_size",
                    odsCode + " was merged into " + before.mergedInto() + "; its data follows that ICS's threshold");
        }
        if (minGroupSize != null
                && (minGroupSize < SmallNumbers.LOWEST_ALLOWED || minGroupSize > SmallNumbers.HIGHEST_ALLOWED)) {
            throw new InvalidInput(
                    "min_group_size",
                    "Enter a whole number from " + SmallNumbers.LOWEST_ALLOWED + " to " + SmallNumbers.HIGHEST_ALLOWED
                            + ", or leave it empty to use the platform's threshold");
        }
        changed();
        jdbc.sql("update ics set min_group_size = :k where id = :id")
                .param("k", minGroupSize)
                .param("id", before.id())
                .update();
        Ics after = get(odsCode);
        audit.record("ics.min_group_size_changed", "ics", odsCode, before, after);
        return after;
    }

    /**
     * What merging one ICS into another would do, changing nothing: the records the target would see
     * from then on beside its own, the ICSs merged into the source earlier that come with it, the
     * role grants that would move, and the thresholds. A merge that would be refused is refused here
     * the same way, so the preview cannot promise what the merge will not do.
     */
    public MergePreview previewMerge(String sourceOds, String targetOds) {
        Ics source = get(sourceOds);
        Ics target = get(targetOds);
        refuseImpossibleMerge(source, target);
        Tenant from = tenant(source.odsCode()).orElseThrow(() -> new NotFound("No ICS has the ODS code " + sourceOds));
        Tenant to = tenant(target.odsCode()).orElseThrow(() -> new NotFound("No ICS has the ODS code " + targetOds));
        // each count in the ICS's own scope: row-level security shows it and what was merged into it, nothing else
        List<Holdings.Holding> before = transactions.run(Scope.system(to), this::holdings);
        List<Holdings.Holding> coming = transactions.run(Scope.system(from), this::holdings);
        List<MergePreview.Records> records = new ArrayList<>();
        for (int i = 0; i < coming.size(); i++) {
            Holdings.Holding h = coming.get(i);
            records.add(new MergePreview.Records(
                    h.key(), h.label(), h.count(), before.get(i).count()));
        }
        List<Ics> comingWith = all().stream()
                .filter(i -> i.id() != source.id() && from.visibleIds().contains(i.id()))
                .toList();
        MergePreview.Grants grants = jdbc.sql("""
                        select count(distinct s.user_id) as accounts,
                               count(*) filter (where t.user_id is null) as moved,
                               count(*) filter (where t.user_id is not null) as combined
                          from role_grant s
                          left join role_grant t on t.ics_id = :target and t.user_id = s.user_id and t.role = s.role
                         where s.ics_id = :source""")
                .param("source", source.id())
                .param("target", target.id())
                .query(MergePreview.Grants.class)
                .single();
        return new MergePreview(source, target, records, comingWith, grants, threshold(source), threshold(target));
    }

    private List<Holdings.Holding> holdings() {
        return holdings.orderedStream().flatMap(h -> h.countInScope().stream()).toList();
    }

    private int threshold(Ics ics) {
        return ics.minGroupSize() != null ? ics.minGroupSize() : small.platformMinGroupSize();
    }

    /**
     * Folds one ICS into a larger footprint. The records of both stay where they are; the target
     * sees them all from now on, and everyone who held a role in the merged ICS holds it in the target.
     * It cannot be undone, so {@code confirm} must be the source's ODS code exactly (what {@link
     * #previewMerge} shows as {@link MergePreview#confirm()}); without it nothing changes.
     */
    @Transactional
    public Ics merge(String sourceOds, String targetOds, @Nullable String confirm) {
        Ics source = get(sourceOds);
        Ics target = get(targetOds);
        refuseImpossibleMerge(source, target);
        if (confirm == null || confirm.isBlank()) {
            throw new InvalidInput(
                    "confirm",
                    "Give the ODS code of the ICS being merged, " + source.odsCode()
                            + ", to confirm the merge; it cannot be undone. Nothing was merged");
        }
        if (!confirm.strip().equals(source.odsCode())) {
            throw new InvalidInput(
                    "confirm",
                    "That is not the ODS code of the ICS being merged; give " + source.odsCode()
                            + " exactly to confirm. Nothing was merged");
        }
        // Two merges at once (A into B while B into A) could both pass the checks below and leave
        // a cycle. Lock both rows, always in the same order so that two merges cannot deadlock, and
        // read them again: the second merge then sees what the first did.
        jdbc.sql("select id from ics where id in (:source, :target) order by id for update")
                .param("source", source.id())
                .param("target", target.id())
                .query(Long.class)
                .list();
        source = get(sourceOds);
        target = get(targetOds);
        refuseImpossibleMerge(source, target);
        changed();
        jdbc.sql("update ics set merged_into_id = :target, merged_at = now() where id = :source")
                .param("target", target.id())
                .param("source", source.id())
                .update();
        // Move role grants; where someone already holds the same role in the target, keep one
        // grant carrying the places of both.
        jdbc.sql("""
                        update role_grant t set places = (select array(select distinct unnest(t.places || s.places)))
                          from role_grant s
                         where s.ics_id = :source and t.ics_id = :target and s.user_id = t.user_id and s.role = t.role""").param("source", source.id()).param("target", target.id()).update();
        jdbc.sql("""
                        delete from role_grant s using role_grant t
                         where s.ics_id = :source and t.ics_id = :target and s.user_id = t.user_id and s.role = t.role""").param("source", source.id()).param("target", target.id()).update();
        jdbc.sql("update role_grant set ics_id = :target where ics_id = :source")
                .param("source", source.id())
                .param("target", target.id())
                .update();
        Ics after = get(sourceOds);
        audit.record("ics.merged", "ics", sourceOds, source, after);
        audit.recordFor(target.id(), "ics.merged", "ics", sourceOds, source, after);
        return after;
    }

    /** Refuses a merge into itself, of an ICS merged already, or into one merged already. */
    private static void refuseImpossibleMerge(Ics source, Ics target) {
        if (source.id() == target.id()) {
            throw new InvalidInput("target_ods", "An ICS cannot be merged into itself");
        }
        if (source.isMerged()) {
            throw new InvalidInput("ods", source.odsCode() + " was already merged into " + source.mergedInto());
        }
        if (target.isMerged()) {
            throw new InvalidInput(
                    "target_ods",
                    target.odsCode() + " was itself merged into " + target.mergedInto()
                            + "; merge into that ICS instead");
        }
    }

    /** Adds any of the 42 ICBs in the reference list that are not here yet; safe to repeat. */
    @Transactional
    public int loadReferenceIcbs() {
        changed();
        int added = 0;
        try (Reader reader = new InputStreamReader(
                new ClassPathResource("reference/icbs.csv").getInputStream(), StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)) {
                added += jdbc.sql("""
                                insert into ics (ods_code, name, region) values (:ods, :name, :region)
                                on conflict (ods_code) do nothing""")
                        .param("ods", row.get("ods_code"))
                        .param("name", row.get("name"))
                        .param("region", row.get("region"))
                        .update();
            }
        } catch (IOException e) {
            throw new IllegalStateException("The reference list of ICBs is missing from the build", e);
        }
        audit.record("ics.reference_loaded", "ics", null, null, Map.of("added", added));
        return added;
    }

    @Transactional
    public Ics createDemo(String odsCode, String name, String region) {
        changed();
        jdbc.sql("insert into ics (ods_code, name, region, demo) values (:ods, :name, :region, true)")
                .param("ods", odsCode)
                .param("name", name)
                .param("region", region)
                .update();
        Ics created = get(odsCode);
        audit.record("ics.created", "ics", odsCode, null, created);
        return created;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
