package org.socialdeclik.shared.app;

import java.security.SecureRandom;
import java.util.Base64;

/** Opaque, unguessable ids (128 random bits, URL-safe). */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    public static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
