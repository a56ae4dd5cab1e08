package org.socialdeclik.shared.token;

/** A token that cannot be used: {@link Kind#INVALID} and {@link Kind#EXPIRED} map to 401, the others to 403. */
public final class TokenException extends RuntimeException {
    public enum Kind { INVALID, EXPIRED, WRONG_PURPOSE, WRONG_SUBJECT }

    private final Kind kind;

    public TokenException(Kind kind) {
        super(kind.name(), null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
