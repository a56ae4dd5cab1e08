package org.socialdeclik.shared.ports;

import java.util.Objects;
import org.socialdeclik.shared.domain.Conflict;

/** The thing exists but its state forbids the action, for the reason given. */
public final class ConflictException extends RuntimeException {
    private final Conflict reason;

    public ConflictException(Conflict reason) {
        super(reason.name(), null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Conflict reason() {
        return reason;
    }
}
