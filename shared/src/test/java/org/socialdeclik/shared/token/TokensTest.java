package org.socialdeclik.shared.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TokensTest {
    static final byte[] KEY = "0123456789abcdef0123456789abcdef-test-key".getBytes(StandardCharsets.UTF_8);
    static final Instant NOW = Instant.parse("2026-11-27T20:00:00Z");
    final Tokens tokens = new Tokens(KEY, Clock.fixed(NOW, ZoneOffset.UTC));

    private static Tokens at(Instant instant) {
        return new Tokens(KEY, Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void a_minted_token_verifies_with_its_purpose_subject_and_nonce() {
        String token = tokens.mint(Purpose.VERIFY, "profile-1", "nonce-1");

        Claims claims = tokens.verify(token, Purpose.VERIFY, "profile-1");

        assertThat(claims.subject()).isEqualTo("profile-1");
        assertThat(claims.nonce()).isEqualTo("nonce-1");
        assertThat(claims.expiresAt()).isEqualTo(NOW.plus(Purpose.VERIFY.lifetime()));
    }

    @Test
    void a_token_is_refused_one_second_after_it_expires_and_accepted_one_second_before() {
        String token = tokens.mint(Purpose.ACCESS, "p");
        Instant expiry = NOW.plus(Purpose.ACCESS.lifetime());

        assertThat(at(expiry.minusSeconds(1)).verify(token, Purpose.ACCESS).subject()).isEqualTo("p");
        assertThatThrownBy(() -> at(expiry).verify(token, Purpose.ACCESS))
                .isInstanceOfSatisfying(TokenException.class, e -> assertThat(e.kind()).isEqualTo(TokenException.Kind.EXPIRED));
    }

    @Test
    void a_token_for_another_purpose_is_refused_as_wrong_purpose() {
        String token = tokens.mint(Purpose.UNSUBSCRIBE, "p");

        assertThatThrownBy(() -> tokens.verify(token, Purpose.ACCESS))
                .isInstanceOfSatisfying(TokenException.class, e -> assertThat(e.kind()).isEqualTo(TokenException.Kind.WRONG_PURPOSE));
    }

    @Test
    void a_token_about_another_subject_is_refused_as_wrong_subject() {
        String token = tokens.mint(Purpose.REVIEW, "mission-1");

        assertThatThrownBy(() -> tokens.verify(token, Purpose.REVIEW, "mission-2"))
                .isInstanceOfSatisfying(TokenException.class, e -> assertThat(e.kind()).isEqualTo(TokenException.Kind.WRONG_SUBJECT));
    }

    @Test
    void a_token_with_a_changed_payload_or_signature_is_invalid() {
        String token = tokens.mint(Purpose.ACCESS, "p");
        int dot = token.indexOf('.');
        String otherPayload = tokens.mint(Purpose.ACCESS, "someone-else").substring(0, dot);
        String forged = otherPayload + token.substring(dot);
        int middle = dot + (token.length() - dot) / 2;
        char c = token.charAt(middle);
        String flipped = token.substring(0, middle) + (c == 'A' ? 'B' : 'A') + token.substring(middle + 1);
        String lastVariant = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");

        for (String bad : new String[] {forged, flipped, lastVariant, "", "abc", "a.b.c", token + "x", "%%%.###"}) {
            assertThatThrownBy(() -> tokens.verify(bad, Purpose.ACCESS))
                    .as(bad)
                    .isInstanceOfSatisfying(TokenException.class, e -> assertThat(e.kind()).isEqualTo(TokenException.Kind.INVALID));
        }
    }

    @Test
    void a_token_signed_with_another_key_is_invalid() {
        Tokens other = new Tokens("another-key-another-key-another-key!".getBytes(StandardCharsets.UTF_8),
                Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> tokens.verify(other.mint(Purpose.ACCESS, "p"), Purpose.ACCESS))
                .isInstanceOf(TokenException.class);
    }

    @Test
    void a_short_key_is_refused() {
        assertThatThrownBy(() -> new Tokens(new byte[16], Clock.systemUTC())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nonces_differ_between_calls() {
        assertThat(tokens.newNonce()).isNotEqualTo(tokens.newNonce());
        assertThat(Duration.between(NOW, tokens.expiryOf(Purpose.ACCESS))).isEqualTo(Duration.ofHours(24));
    }
}
