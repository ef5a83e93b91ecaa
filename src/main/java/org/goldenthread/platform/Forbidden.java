package org.goldenthread.platform;

/** Answered as 403: the caller may see that this exists but their role does not allow the action. */
public class Forbidden extends RuntimeException {

    public Forbidden(String message) {
        super(message);
    }
}
