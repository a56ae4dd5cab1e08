package org.socialdeclik.shared.app;

/**
 * Proof that a call carries a valid admin token of a current admin: only
 * {@link AdminService#authorize} makes one, and the admins' actions take it.
 */
public final class AdminSession {
    private final String admin;

    AdminSession(String admin) {
        this.admin = admin;
    }

    /** The admin, as {@code OutboxEntry.part} of the address (never the address). */
    public String admin() {
        return admin;
    }
}
