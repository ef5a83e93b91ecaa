package org.goldenthread.platform.database;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The maintenance commands an operator runs with the application's jar instead of starting it:
 * {@code backup FILE}, {@code restore FILE}, {@code export-ics ODS FILE} and {@code import-ics FILE}.
 * They find the database as the application would (GT_DATABASE_URL, or the embedded one under
 * GT_DATA_DIR) and work as its schema owner. An embedded database the running application holds is
 * reached where it listens; otherwise the command starts it for itself.
 */
public final class DatabaseCommand {

    public static final Set<String> COMMANDS = Set.of("backup", "restore", "export-ics", "import-ics");

    private final Map<String, String> environment;
    private final PrintStream out;

    DatabaseCommand(Map<String, String> environment, PrintStream out) {
        this.environment = environment;
        this.out = out;
    }

    /** Runs a command with the process's environment and returns the exit status. */
    public static int run(String... args) {
        return new DatabaseCommand(System.getenv(), System.out).execute(List.of(args));
    }

    int execute(List<String> args) {
        try {
            switch (args.isEmpty() ? "" : args.get(0)) {
                case "backup" -> {
                    Path file = Path.of(argument(args, 1, "backup FILE"));
                    Archive.Manifest m = withDatabase(owner -> Backup.write(owner, file));
                    out.printf(
                            "Backed up %d tables (%d rows) at schema version %s to %s%n",
                            m.tables().size(), rows(m), m.schemaVersion(), file);
                }
                case "restore" -> {
                    Path file = Path.of(argument(args, 1, "restore FILE"));
                    Archive.Manifest m = withDatabase(owner -> Backup.restore(owner, file));
                    out.printf(
                            "Restored %d tables (%d rows, every checksum matching) from the backup made %s%n",
                            m.tables().size(), rows(m), m.madeAt());
                }
                case "export-ics" -> {
                    String ods = argument(args, 1, "export-ics ODS FILE");
                    Path file = Path.of(argument(args, 2, "export-ics ODS FILE"));
                    Archive.Manifest m = withDatabase(owner -> IcsMove.export(owner, ods, file));
                    out.printf("Exported ICS %s (%d rows) to %s%n", ods, rows(m), file);
                }
                case "import-ics" -> {
                    Path file = Path.of(argument(args, 1, "import-ics FILE"));
                    IcsMove.Imported i = withDatabase(owner -> {
                        // a new installation: bring its schema up to date, as the application would on start
                        owner.migrations(null).migrate();
                        return IcsMove.importIcs(owner, file);
                    });
                    out.printf(
                            "Imported ICS %s (%d rows, every checksum matching) as ICS id %d%n",
                            i.ods(), i.rows(), i.icsId());
                }
                default -> {
                    out.println("Commands: backup FILE | restore FILE | export-ics ODS FILE | import-ics FILE");
                    return 2;
                }
            }
            return 0;
        } catch (RuntimeException | SQLException | IOException e) {
            out.println("Failed: " + e.getMessage());
            return 1;
        }
    }

    private static long rows(Archive.Manifest m) {
        return m.tables().stream().mapToLong(Archive.TableContents::rows).sum();
    }

    private static String argument(List<String> args, int at, String usage) {
        if (args.size() <= at) {
            throw new IllegalArgumentException("Usage: " + usage);
        }
        return args.get(at);
    }

    interface Work<T> {
        T on(Owner owner) throws SQLException, IOException;
    }

    private <T> T withDatabase(Work<T> work) throws SQLException, IOException {
        String url = setting("GT_DATABASE_URL", "gt.database.url");
        if (url != null) {
            return work.on(new Owner(
                    url,
                    orEmpty(setting("GT_DATABASE_USER", "gt.database.user")),
                    orEmpty(setting("GT_DATABASE_PASSWORD", "gt.database.password"))));
        }
        String dir = setting("GT_DATA_DIR", "gt.data-dir");
        Path home = Path.of(dir == null ? "./data" : dir).toAbsolutePath().normalize();
        Owner running = running(home);
        if (running != null) {
            return work.on(running);
        }
        try (DatabaseServer server = DatabaseServer.embedded(home, false)) {
            return work.on(Owner.of(server));
        }
    }

    /** The embedded server the application started, where it listens, if it is running. */
    private static @Nullable Owner running(Path home) throws IOException {
        Path pid = home.resolve("postgres").resolve("postmaster.pid");
        Path password = home.resolve(DatabaseServer.PASSWORD_FILE);
        if (!Files.exists(pid) || !Files.exists(password)) {
            return null;
        }
        List<String> lines;
        try (Stream<String> read = Files.lines(pid, StandardCharsets.UTF_8)) {
            lines = read.toList();
        }
        // postmaster.pid: the process, the data directory, the start time, the port, ...
        if (lines.size() < 4
                || ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                        .map(ProcessHandle::isAlive)
                        .orElse(false)
                        .equals(false)) {
            return null;
        }
        return new Owner(
                "jdbc:postgresql://localhost:" + lines.get(3).trim() + "/postgres",
                "postgres",
                Files.readString(password, StandardCharsets.UTF_8).trim());
    }

    private @Nullable String setting(String variable, String property) {
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            value = System.getProperty(property);
        }
        return value == null || value.isBlank() ? null : value;
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
