package org.socialdeclik.shared.email;

/** Why nobody fits a mission yet, and what would widen the search, in the reader's words. */
public record Finding(String why, String widen) {}
