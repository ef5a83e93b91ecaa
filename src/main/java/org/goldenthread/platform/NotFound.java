package org.goldenthread.platform;

/**
 * Answered as 404. Also used where the caller may not know that something exists, such as
 * another ICS's records, so that a guessed identifier reveals nothing.
 */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
