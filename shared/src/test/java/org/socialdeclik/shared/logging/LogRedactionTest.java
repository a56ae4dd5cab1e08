package org.socialdeclik.shared.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;

class LogRedactionTest {

    private static final Logger LOG = LoggerFactory.getLogger(LogRedactionTest.class);
    private static final String TOKEN =
            "eyJzdWIiOiJwLTEyMyIsInB1cnBvc2UiOiJ2ZXJpZnkifQ.Q2hlY2tzdW1fMTIzNDU2Nzg5MC1hYmNkZWZnaA";

    private LogCapture capture;

    @BeforeEach
    void startCapture() {
        capture = LogCapture.start().threshold(Level.INFO);
    }

    @AfterEach
    void stopCapture() {
        capture.close();
    }

    @Test
    void emailAddressInTheFormattedMessageIsRedacted() {
        LOG.info("sending verification to {}", "jane.doe+test@example.co.uk");

        assertThat(capture.single().get("message").asText()).isEqualTo("sending verification to [email]");
        assertThat(capture.raw()).doesNotContain("jane.doe", "example.co.uk");
    }

    @Test
    void tokenInTheFormattedMessageIsRedacted() {
        LOG.info("link https://app.example.org/verify?token={}&x=1", TOKEN);

        assertThat(capture.single().get("message").asText())
                .isEqualTo("link https://app.example.org/verify?token=[token]&x=1");
        assertThat(capture.raw()).doesNotContain("eyJzdWIi");
    }

    @Test
    void tokenShapedLikeOursIsRedacted() throws Exception {
        Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
        byte[] signature = MessageDigest.getInstance("SHA-256").digest("any".getBytes(StandardCharsets.UTF_8));
        String token = base64url.encodeToString("VERIFY|p-123|1795000000|n0nce".getBytes(StandardCharsets.UTF_8))
                + "." + base64url.encodeToString(signature);

        LOG.info("verify token={} rejected", token);

        assertThat(capture.single().get("message").asText()).isEqualTo("verify token=[token] rejected");
    }

    @Test
    void threeSegmentJwtIsRedactedWhole() {
        LOG.info("Bearer {}", TOKEN + ".c2lnbmF0dXJlLXBhcnQtMTIzNDU2");

        assertThat(capture.single().get("message").asText()).isEqualTo("Bearer [token]");
    }

    @Test
    void emailAndTokenInMdcValuesAreRedacted() {
        MDC.put("user", "Zoé.Martin@exemple.fr");
        MDC.put("auth", TOKEN);

        LOG.info("request");

        JsonNode entry = capture.single();
        assertThat(entry.get("user").asText()).isEqualTo("[email]");
        assertThat(entry.get("auth").asText()).isEqualTo("[token]");
    }

    @Test
    void emailInKeyValueAndExceptionMessageIsRedacted() {
        LOG.atWarn()
                .addKeyValue("to", "bob@example.com")
                .setCause(new IllegalArgumentException("no profile for bob@example.com"))
                .log("lookup failed");

        JsonNode entry = capture.single();
        assertThat(entry.get("to").asText()).isEqualTo("[email]");
        assertThat(entry.get("error").asText()).isEqualTo("java.lang.IllegalArgumentException: no profile for [email]");
        assertThat(entry.get("stack").asText()).startsWith("java.lang.IllegalArgumentException: no profile for [email]\n");
        assertThat(capture.raw()).doesNotContain("bob@");
    }

    @Test
    void stackFramesAreNotMistakenForTokens() {
        LOG.error("failed", new IllegalStateException("x"));

        String stack = capture.single().get("stack").asText();
        assertThat(stack).doesNotContain("[token]");
        assertThat(stack).contains(LogRedactionTest.class.getName() + ".stackFramesAreNotMistakenForTokens(");
    }

    @Test
    void ordinaryTextWithDotsAndAtSignsIsLeftAlone() {
        String text = "v1.2.3 saved at 20:00 @home in org.socialdeclik.shared, see example.com; ratio 0.75";

        assertThat(LogRedactor.redact(text)).isEqualTo(text);
    }

    @Test
    void shortDottedSegmentsAreNotTokens() {
        assertThat(LogRedactor.redact("abcdefghijklmno.abcdefghijklmnop")).isEqualTo("abcdefghijklmno.abcdefghijklmnop");
        assertThat(LogRedactor.redact("abcdefghijklmnop.abcdefghijklmnop")).isEqualTo("[token]");
    }

    @Test
    void severalAddressesInOneMessageAreAllRedacted() {
        assertThat(LogRedactor.redact("from a@b.io to c.d@e-f.example.org, cc <x_y%z@h.fr>."))
                .isEqualTo("from [email] to [email], cc <[email]>.");
    }

    @Test
    void nullStaysNull() {
        assertThat(LogRedactor.redact(null)).isNull();
    }

    @Test
    void longTextWithoutSecretsIsScannedQuicklyAndLeftAlone() {
        String text = "a@".repeat(20_000) + "x.".repeat(20_000) + "1 " + "b".repeat(20_000) + ".c";

        long start = System.nanoTime();
        String redacted = LogRedactor.redact(text);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(redacted).isEqualTo(text);
        assertThat(millis).isLessThan(2_000);
    }

    @Test
    void longChainOfTokenLikeSegmentsIsRedactedWithoutOverflowingTheStack() {
        String text = "abcdefghijklmnopq.".repeat(20_000) + "end";

        assertThat(LogRedactor.redact(text)).doesNotContain("abcdefghijklmnopq").startsWith("[token].[token]");
    }
}
