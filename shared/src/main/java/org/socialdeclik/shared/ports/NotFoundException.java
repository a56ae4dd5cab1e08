package org.socialdeclik.shared.ports;

/** The thing asked for does not exist (or not in a state that may be shown). */
public final class NotFoundException extends RuntimeException {
    public NotFoundException(String what) {
        super(what, null, false, false);
    }
}
