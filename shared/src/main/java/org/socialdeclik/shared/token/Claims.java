package org.socialdeclik.shared.token;

import java.time.Instant;

/** What a valid token says: its purpose, its subject, when it expires and its nonce. */
public record Claims(Purpose purpose, String subject, Instant expiresAt, String nonce) {}
