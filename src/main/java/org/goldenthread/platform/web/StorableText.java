package org.goldenthread.platform.web;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DataAccessException;

/**
 * What PostgreSQL refused to store because of the input itself, not because anything is broken:
 * text with a NUL character or a character it cannot encode, and dates beyond its range. Input is
 * checked on the way in (JSON, parameters, dates), so this answers only for what slipped past,
 * such as text inside an uploaded file, and it answers 400, since sending the same again fails the same way.
 */
final class StorableText {

    // character_not_in_repertoire, untranslatable_character, datetime_field_overflow
    private static final Set<String> INPUT_STATES = Set.of("22021", "22P05", "22008");

    private StorableText() {}

    static Optional<String> refusal(DataAccessException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && INPUT_STATES.contains(sql.getSQLState())) {
                return Optional.of(
                        sql.getSQLState().equals("22008")
                                ? "A date is outside the range that can be stored; nothing was changed."
                                : "The text holds a character that cannot be stored, such as NUL (0x00); nothing was changed.");
            }
        }
        return Optional.empty();
    }
}
