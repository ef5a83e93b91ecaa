package org.goldenthread;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Boundaries in the data as well as the code: SQL in one module never names another module's
 * tables. It reads another module's data through that module's Java API, or through a view or
 * function the owner creates and documents in its package-info.
 */
class TableBoundaryTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path SOURCES = Path.of("src/main/java/org/goldenthread");

    @Test
    void noModulesSqlNamesAnotherModulesTables() {
        assertThat(TableBoundary.of(MIGRATIONS, SOURCES).check(SOURCES)).isEmpty();
    }

    /** The boundary test reads each module's allowed dependencies and offers from its package-info. */
    @Test
    void everyModuleDeclaresWhatItMayUse() throws java.io.IOException {
        try (var modules = java.nio.file.Files.list(SOURCES)) {
            assertThat(modules.filter(java.nio.file.Files::isDirectory))
                    .isNotEmpty()
                    .allSatisfy(module -> assertThat(module.resolve("package-info.java"))
                            .content()
                            .contains("@org.springframework.modulith.ApplicationModule(", "allowedDependencies")
                            .contains("@org.jspecify.annotations.NullMarked"));
        }
    }

    @Test
    void ownershipComesFromTheMigrationsThatCreateTheTables() {
        TableBoundary real = TableBoundary.of(MIGRATIONS, SOURCES);
        String register = """
                class Register {
                    static final String APPOINTMENTS = \"""
                            select a.id, f.name as forum, s.title as seat
                              from appointment a
                              join person p on p.id = a.person_id
                              join seat s on s.id = a.seat_id
                              join forum f on f.id = s.forum_id\""";
                }
                """;

        assertThat(real.check("people", "Register.java", register))
                .extracting(TableBoundary.Violation::name, v -> v.owner().module())
                .containsExactly(tuple("seat", "structure"), tuple("forum", "structure"));
    }

    // ------------------------------------------------------------------ the detector on examples

    private static final String STRUCTURE_MIGRATION = """
            -- Structure: forums and seats. A comment may say create table comment_only (x int).
            create table forum (id bigint primary key, name text);
            create table seat (id bigint primary key, forum_id bigint references forum (id), title text);
            create view seat_on_forum with (security_invoker = true) as
            select s.id, s.title, f.name as forum from seat s join forum f on f.id = s.forum_id;
            create view seat_count with (security_invoker = true) as select count(*) from seat;
            create function seats_of(forum bigint) returns setof bigint language sql stable
            as $$ select id from seat where forum_id = $1 $$;
            """;

    private static final String PEOPLE_MIGRATION = """
            create table if not exists person (id bigint primary key);
            create table appointment (id bigint primary key, person_id bigint, seat_id bigint);
            """;

    private static TableBoundary examples(Set<String> peopleMayUse) {
        Map<String, TableBoundary.Owned> owners = new HashMap<>();
        owners.putAll(TableBoundary.created("structure", STRUCTURE_MIGRATION));
        owners.putAll(TableBoundary.created("people", PEOPLE_MIGRATION));
        String structureInfo = """
                /**
                 * Structure: forums and seats. Offers {@code seat_on_forum} and {@code seats_of(forum)}.
                 */
                @org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform"})
                package org.goldenthread.structure;
                """;
        String peopleInfo = "/** People. */\n@org.springframework.modulith.ApplicationModule(allowedDependencies = {"
                + String.join(
                        ", ", peopleMayUse.stream().map(m -> '"' + m + '"').toList())
                + "})\npackage org.goldenthread.people;\n";
        return new TableBoundary(
                owners,
                Map.of(
                        "structure", TableBoundary.module(structureInfo),
                        "people", TableBoundary.module(peopleInfo)));
    }

    private static List<String> flagged(String module, String javaSource) {
        return examples(Set.of("platform", "structure :: seats")).check(module, "Example.java", javaSource).stream()
                .map(TableBoundary.Violation::name)
                .toList();
    }

    @Test
    void aMigrationCreatesTablesViewsAndFunctionsForItsModule() {
        assertThat(TableBoundary.created("structure", STRUCTURE_MIGRATION))
                .containsEntry("seat", new TableBoundary.Owned("structure", TableBoundary.Kind.TABLE))
                .containsEntry("seat_on_forum", new TableBoundary.Owned("structure", TableBoundary.Kind.VIEW))
                .containsEntry("seats_of", new TableBoundary.Owned("structure", TableBoundary.Kind.FUNCTION))
                .doesNotContainKey("comment_only");
        assertThat(TableBoundary.created("people", PEOPLE_MIGRATION)).containsKeys("person", "appointment");
    }

    @Test
    void aJoinOnAnotherModulesTableIsFlagged() {
        assertThat(flagged("people", """
                        class Register {
                            static final String APPOINTMENTS = \"""
                                    select a.id, s.title from appointment a
                                      join seat s on s.id = a.seat_id\""";
                        }
                        """)).containsExactly("seat");
    }

    @Test
    void everyWayOfNamingATableIsFlagged() {
        assertThat(flagged("people", """
                        class Register {
                            void all() {
                                jdbc.sql("select id from forum where id = :id");
                                jdbc.sql("SELECT p.id FROM person p, public.seat s WHERE s.id = p.id");
                                jdbc.sql("insert into seat (title) values (:t)");
                                jdbc.sql("update seat s set title = :t where s.id = :id");
                                jdbc.sql(COLUMNS + " as held from seat where id = :id");
                                jdbc.sql("delete from seat_count where true");
                                jdbc.sql("select p.id from person p where exists" + " (select 1 from seat_count)");
                                jdbc.sql("select * from person p left join lateral seats_of(p.id) x on true");
                            }
                        }
                        """))
                .containsExactly("forum", "seat", "seat", "seat", "seat", "seat_count", "seat_count");
    }

    @Test
    void ownTablesAndAViewOrFunctionTheOwnerOffersAreNotFlagged() {
        assertThat(flagged("people", """
                        class Register {
                            static final String APPOINTMENTS = \"""
                                    select a.id, s.title, s.forum
                                      from appointment a
                                      join person p on p.id = a.person_id
                                      join seat_on_forum s on s.id = a.seat_id
                                     where a.seat_id in (select seats_of(:forum))\""";
                        }
                        """)).isEmpty();
        assertThat(flagged("structure", "class Forums { String s = \"select id from seat join forum on true\"; }"))
                .isEmpty();
    }

    @Test
    void aViewTheOwnerDoesNotDocumentIsFlagged() {
        assertThat(flagged("people", "class Register { String s = \"select count from seat_count\"; }"))
                .containsExactly("seat_count");
    }

    @Test
    void anOfferedViewIsFlaggedWhereTheModuleMayNotDependOnItsOwner() {
        assertThat(examples(Set.of("platform"))
                        .check("people", "Register.java", "class R { String s = \"select id from seat_on_forum\"; }"))
                .extracting(TableBoundary.Violation::why)
                .containsExactly("people's package-info does not allow it to depend on structure");
    }

    @Test
    void wordsInCommentsAndProseAreNotSql() {
        assertThat(flagged("people", """
                        /** Joins seat and forum, select id from seat. */
                        class Register {
                            // select id from seat
                            /* join forum f on true */
                            static final String SQL = \"""
                                    -- the seat's forum is read through the view, never join seat
                                    select id from person /* not from seat */\""";
                            static final String PROSE = "Select the seat from forum lists";
                            static final String QUOTE = "He said \\"select from seat\\" aloud";
                            static final char C = '"';
                            static final String AFTER = "Choose the seat into which this person goes, from forum";
                        }
                        """)).isEmpty();
    }
}
