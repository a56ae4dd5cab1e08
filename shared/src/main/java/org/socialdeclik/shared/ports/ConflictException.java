package org.socialdeclik.shared.ports;

/** The thing exists but its state forbids the action; the message is the key of the text shown. */
public final class ConflictException extends RuntimeException {
    public ConflictException(String what) {
        super(what, null, false, false);
    }
}
