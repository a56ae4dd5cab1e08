package org.socialdeclik.shared.token;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, expiring, single-purpose tokens: {@code base64url(payload) "." base64url(HMAC-SHA256)}
 * where the payload is {@code purpose|subject|expiresAtEpochSecond|nonce}. Signatures are compared
 * in constant time; a token is checked for its signature before anything in it is trusted.
 */
public final class Tokens {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int MAX_TOKEN_LENGTH = 1024;

    private final SecretKeySpec key;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public Tokens(byte[] key, Clock clock) {
        if (key.length < 32) {
            throw new IllegalArgumentException("signing key must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.clock = clock;
    }

    public String mint(Purpose purpose, String subject) {
        return mint(purpose, subject, newNonce());
    }

    public String mint(Purpose purpose, String subject, String nonce) {
        return mint(purpose, subject, nonce, clock.instant().plus(purpose.lifetime()));
    }

    public String mint(Purpose purpose, String subject, String nonce, Instant expiresAt) {
        if (subject.indexOf('|') >= 0 || nonce.indexOf('|') >= 0) {
            throw new IllegalArgumentException("subject and nonce cannot contain '|'");
        }
        String payload = purpose.name() + "|" + subject + "|" + expiresAt.getEpochSecond() + "|" + nonce;
        byte[] payloadBytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payloadBytes) + "." + ENCODER.encodeToString(sign(payloadBytes));
    }

    public Instant expiryOf(Purpose purpose) {
        return clock.instant().plus(purpose.lifetime());
    }

    /** Checks signature, expiry and purpose; the caller checks the subject with {@link #requireSubject}. */
    public Claims verify(String token, Purpose expected) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw new TokenException(TokenException.Kind.INVALID);
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            throw new TokenException(TokenException.Kind.INVALID);
        }
        byte[] payload;
        byte[] signature;
        String payloadPart = token.substring(0, dot);
        String signaturePart = token.substring(dot + 1);
        try {
            payload = DECODER.decode(payloadPart);
            signature = DECODER.decode(signaturePart);
        } catch (IllegalArgumentException e) {
            throw new TokenException(TokenException.Kind.INVALID);
        }
        // one token, one spelling: a variant that decodes to the same bytes (padding bits) is refused
        if (!ENCODER.encodeToString(payload).equals(payloadPart) || !ENCODER.encodeToString(signature).equals(signaturePart)) {
            throw new TokenException(TokenException.Kind.INVALID);
        }
        if (!MessageDigest.isEqual(sign(payload), signature)) {
            throw new TokenException(TokenException.Kind.INVALID);
        }
        String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
        if (parts.length != 4) {
            throw new TokenException(TokenException.Kind.INVALID);
        }
        Purpose purpose;
        Instant expiresAt;
        try {
            purpose = Purpose.valueOf(parts[0]);
            expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[2]));
        } catch (IllegalArgumentException e) {
            throw new TokenException(TokenException.Kind.INVALID);
        }
        if (!clock.instant().isBefore(expiresAt)) {
            throw new TokenException(TokenException.Kind.EXPIRED);
        }
        if (purpose != expected) {
            throw new TokenException(TokenException.Kind.WRONG_PURPOSE);
        }
        return new Claims(purpose, parts[1], expiresAt, parts[3]);
    }

    /** Verifies the token and that it is about this subject (e.g. the mission of the URL). */
    public Claims verify(String token, Purpose expected, String subject) {
        Claims claims = verify(token, expected);
        requireSubject(claims, subject);
        return claims;
    }

    public static void requireSubject(Claims claims, String subject) {
        byte[] a = claims.subject().getBytes(StandardCharsets.UTF_8);
        byte[] b = subject == null ? new byte[0] : subject.getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(a, b)) {
            throw new TokenException(TokenException.Kind.WRONG_SUBJECT);
        }
    }

    public String newNonce() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
