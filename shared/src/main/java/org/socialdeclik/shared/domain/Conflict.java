package org.socialdeclik.shared.domain;

/**
 * Why an action is refused although its subject exists: the state it is in forbids it. The HTTP
 * edge turns each into its own message ({@code api.ApiException#conflict}).
 */
public enum Conflict {
    /** A mission's review was already decided. */
    ALREADY_REVIEWED,
    /** A mission is already closed or was rejected. */
    ALREADY_CLOSED,
    /** A profile changed between its reading and its writing. */
    CHANGED_MEANWHILE,
    /** Interest in a mission that is no longer published. */
    MISSION_NOT_OPEN,
    /** A verification link already used (or never issued). */
    ALREADY_VERIFIED
}
