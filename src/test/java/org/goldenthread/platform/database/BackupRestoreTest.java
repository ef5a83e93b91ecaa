package org.goldenthread.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.goldenthread.GoldenThreadApplication;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.TestPostgres;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A demo installation (surveys with responses, self-assessments, the register, development and the
 * pipeline) backed up with the jar's command while it runs, restored into an empty data directory,
 * and started there; and its demo ICS moved into a third installation that already holds another
 * ICS, so that every id must be renumbered.
 */
class BackupRestoreTest {

    private static final String ADMIN = "platform.admin@backup.example";
    private static final String PASSWORD = "correct horse battery staple";
    private static final String DEMO = "ZNV";
    private static final String OTHER = "QZZ";

    @TempDir
    Path dir;

    @Test
    void aBackupRestoresEveryTableAndAnIcsMovesToAnotherInstallation() throws Exception {
        backUpRestoreAndMove(
                Installation.embedded(dir.resolve("original")),
                Installation.embedded(dir.resolve("restored")),
                Installation.embedded(dir.resolve("receiving")));
    }

    /**
     * The same on a PostgreSQL server of the ICS's own (Debian's, in CI), each installation a database
     * whose owner is no superuser, as the README asks of NHS IT.
     */
    @Test
    void theSameHoldsOnAnExternalServerWhoseOwnerIsNoSuperuser() throws Exception {
        TestPostgres server = TestPostgres.instance();
        backUpRestoreAndMove(
                Installation.external(dir.resolve("original"), server.freshDatabase()),
                Installation.external(dir.resolve("restored"), server.freshDatabase()),
                Installation.external(dir.resolve("receiving"), server.freshDatabase()));
    }

    private void backUpRestoreAndMove(Installation original, Installation restored, Installation receiving)
            throws Exception {
        Path backup = dir.resolve("golden-thread.backup");
        Path demoExport = dir.resolve("znv.ics");
        Path otherExport = dir.resolve("qzz.ics");

        Map<String, Contents.Sum> everything;
        Map<String, Contents.Sum> demoWithoutIds;
        Map<String, Long> demoIds;
        try (ConfigurableApplicationContext app = original.start(true)) {
            Owner owner = Owner.of(app.getBean(DatabaseServer.class));
            addAnotherIcs(owner);
            // the demo's survey responses are imported in the background; a backup of a job under way
            // would restore as one the restart finds interrupted
            await().atMost(Duration.ofMinutes(3))
                    .until(() -> everyTable(owner).get("survey_response").rows() >= 240 && jobsUnderWay(owner) == 0);
            everything = everyTable(owner);
            assertThat(everything.get("survey_response").rows()).isGreaterThan(100);
            assertThat(everything.get("rating").rows()).isPositive();
            assertThat(everything.get("person").rows()).isPositive();

            assertThat(original.command("backup", backup)).contains("Backed up");
            assertThat(original.command("export-ics", DEMO, demoExport)).contains("Exported ICS ZNV");
            assertThat(original.command("export-ics", OTHER, otherExport)).contains("Exported ICS QZZ");
            demoWithoutIds = icsWithoutIds(owner, DEMO);
            demoIds = firstIds(owner, DEMO);
        }

        assertThat(restored.command("restore", backup)).contains("every checksum matching");
        try (ConfigurableApplicationContext app = restored.start(false)) {
            Owner owner = Owner.of(app.getBean(DatabaseServer.class));
            assertThat(everyTable(owner)).isEqualTo(everything);
            // the application started on the restored data answers from it
            ApiClient api = new ApiClient(
                    ((WebServerApplicationContext) app).getWebServer().getPort());
            String token = api.token(ADMIN, PASSWORD);
            ApiClient.Response people = api.get("/api/v1/ics/" + DEMO + "/people", token);
            assertThat(people.status()).isEqualTo(200);
            assertThat(people.json().size()).isEqualTo((int) rowsOf(owner, DEMO, "person"));
        }

        assertThat(receiving.command("import-ics", otherExport)).contains("Imported ICS QZZ");
        assertThat(receiving.command("import-ics", demoExport)).contains("Imported ICS ZNV");
        assertThat(receiving.command("import-ics", demoExport)).contains("already has an ICS ZNV");
        try (DatabaseServer server = receiving.server()) {
            Owner owner = Owner.of(server);
            assertThat(icsWithoutIds(owner, DEMO)).isEqualTo(demoWithoutIds);
            // the other ICS came first, so the demo's rows could not keep their ids
            assertThat(firstIds(owner, DEMO)).isNotEqualTo(demoIds);
            assertRowLevelSecurityApplies(owner);
        }
    }

    /** Where an installation keeps its data: an embedded server under its data directory, or a database of a server of its own. */
    private record Installation(Path data, TestPostgres.@Nullable Database database) {

        static Installation embedded(Path data) {
            return new Installation(data, null);
        }

        static Installation external(Path data, TestPostgres.Database database) {
            return new Installation(data, database);
        }

        ConfigurableApplicationContext start(boolean demo) {
            // arguments, not default properties: application.yml's gt.data-dir would win over those
            List<String> args = new java.util.ArrayList<>(List.of(
                    "--gt.data-dir=" + data,
                    "--gt.demo=" + demo,
                    "--gt.admin.email=" + ADMIN,
                    "--gt.admin.password=" + PASSWORD,
                    "--server.port=0"));
            if (database != null) {
                args.addAll(List.of(
                        "--gt.database.url=" + database.url(),
                        "--gt.database.user=" + database.user(),
                        "--gt.database.password=" + database.password()));
            }
            return new SpringApplicationBuilder(GoldenThreadApplication.class).run(args.toArray(String[]::new));
        }

        String command(Object... args) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
            Map<String, String> env = database == null
                    ? Map.of("GT_DATA_DIR", data.toString())
                    : Map.of(
                            "GT_DATA_DIR", data.toString(),
                            "GT_DATABASE_URL", database.url(),
                            "GT_DATABASE_USER", database.user(),
                            "GT_DATABASE_PASSWORD", database.password());
            new DatabaseCommand(env, out)
                    .execute(java.util.Arrays.stream(args).map(String::valueOf).toList());
            return bytes.toString(StandardCharsets.UTF_8);
        }

        DatabaseServer server() {
            return database == null
                    ? DatabaseServer.embedded(data, false)
                    : DatabaseServer.external(database.url(), database.user(), database.password());
        }
    }

    private static void assertRowLevelSecurityApplies(Owner owner) throws SQLException {
        try (Connection c = owner.connect()) {
            long demo = icsId(c, DEMO);
            long other = icsId(c, OTHER);
            try (Statement s = c.createStatement()) {
                s.execute("set role " + DatabaseConfiguration.APP_ROLE);
            }
            Contents.workIn(c, other);
            assertThat(count(c, "select count(*) from person")).isEqualTo(1);
            assertThat(count(c, "select count(*) from person where ics_id = " + demo))
                    .isZero();
            Contents.workIn(c, demo);
            assertThat(count(c, "select count(*) from person")).isGreaterThan(10);
            assertThat(count(
                            c,
                            "select count(*) from appointment a join seat s on s.id = a.seat_id"
                                    + " join forum f on f.id = s.forum_id"))
                    .isEqualTo(count(c, "select count(*) from appointment"));
        }
    }

    /** A second, small ICS: a place, an organisation and a person. */
    private static void addAnotherIcs(Owner owner) throws SQLException {
        try (Connection c = owner.connect();
                Statement s = c.createStatement()) {
            s.execute("insert into ics (ods_code, name) values ('" + OTHER + "', 'Another ICS')");
            Contents.workIn(c, icsId(c, OTHER));
            s.execute("insert into place (name) values ('Elsewhere')");
            s.execute("insert into organisation (name, sector, place_id) select 'Elsewhere Trust', 'acute', id"
                    + " from place where name = 'Elsewhere'");
            s.execute("insert into person (person_ref, given_name, family_name, profession)"
                    + " select 'P1', 'Ada', 'Other', code from profession order by code limit 1");
        }
    }

    /**
     * Tables a running instance rewrites by itself (when each chore is next due, who holds which lease,
     * sign-in sessions), so they change between reading the original and restoring it. The restore
     * command still checks them, with every other table, against the checksums taken at the backup.
     */
    private static final java.util.Set<String> RUNNING_STATE =
            java.util.Set.of("chore", "lease", "spring_session", "spring_session_attributes");

    private static Map<String, Contents.Sum> everyTable(Owner owner) throws SQLException {
        try (Connection c = owner.connect()) {
            Contents.seeEveryIcs(c);
            Map<String, Contents.Sum> tables = new java.util.LinkedHashMap<>(Contents.everyTable(c));
            tables.keySet().removeAll(RUNNING_STATE);
            return tables;
        }
    }

    private static Map<String, Contents.Sum> icsWithoutIds(Owner owner, String ods) throws SQLException {
        try (Connection c = owner.connect()) {
            Contents.seeEveryIcs(c);
            long id = icsId(c, ods);
            Schema schema = Schema.read(c);
            Map<String, Contents.Sum> sums = new LinkedHashMap<>();
            for (Schema.Table t : schema.tables()) {
                if (t.tenantOwned()) {
                    sums.put(t.name(), Contents.sum(c, Contents.withoutIds(schema, t, "ics_id = " + id), List.of()));
                }
            }
            return sums;
        }
    }

    private static Map<String, Long> firstIds(Owner owner, String ods) throws SQLException {
        try (Connection c = owner.connect()) {
            Contents.seeEveryIcs(c);
            long id = icsId(c, ods);
            Map<String, Long> ids = new LinkedHashMap<>();
            for (String table : List.of("place", "forum", "seat", "person", "survey", "cycle")) {
                ids.put(table, count(c, "select min(id) from " + table + " where ics_id = " + id));
            }
            return ids;
        }
    }

    private static long rowsOf(Owner owner, String ods, String table) throws SQLException {
        try (Connection c = owner.connect()) {
            Contents.seeEveryIcs(c);
            return count(c, "select count(*) from " + table + " where ics_id = " + icsId(c, ods));
        }
    }

    private static long jobsUnderWay(Owner owner) throws SQLException {
        try (Connection c = owner.connect()) {
            return count(c, "select count(*) from job where state in ('queued', 'checking', 'storing')");
        }
    }

    private static long icsId(Connection c, String ods) throws SQLException {
        return count(c, "select id from ics where ods_code = '" + ods + "'");
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
