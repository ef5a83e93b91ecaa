package org.goldenthread.platform;

import java.util.Set;
import org.goldenthread.platform.database.DatabaseCommand;

/**
 * The operator's maintenance commands, run with the jar instead of starting the application:
 * {@code backup FILE}, {@code restore FILE}, {@code export-ics ODS FILE}, {@code import-ics FILE}.
 */
public final class Maintenance {

    private Maintenance() {}

    public static boolean isCommand(String argument) {
        return COMMANDS.contains(argument);
    }

    /** Runs one and returns the process's exit status. */
    public static int run(String... args) {
        return DatabaseCommand.run(args);
    }

    private static final Set<String> COMMANDS = DatabaseCommand.COMMANDS;
}
