package org.socialdeclik.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

class OutboxInterceptorTest {
    @Test
    void aSimpleEmailIsRecordedWithItsBodiesAndHeaders() {
        SendEmailRequest request = SendEmailRequest.builder()
                .fromEmailAddress("no-reply@example.org")
                .destination(d -> d.toAddresses("ana@example.org"))
                .content(c -> c.simple(m -> m.subject(s -> s.data("Une mission pour vous"))
                        .body(b -> b.text(t -> t.data("texte")).html(h -> h.data("<p>html</p>")))
                        .headers(h -> h.name("List-Unsubscribe").value("<https://api/unsubscribe?token=t>"),
                                h -> h.name("List-Unsubscribe-Post").value("List-Unsubscribe=One-Click"))))
                .build();
        Instant now = Instant.parse("2027-01-01T00:00:00Z");

        SentEmail email = OutboxInterceptor.toSentEmail(request, "m-1", now);

        assertThat(email.messageId()).isEqualTo("m-1");
        assertThat(email.from()).isEqualTo("no-reply@example.org");
        assertThat(email.to()).containsExactly("ana@example.org");
        assertThat(email.subject()).isEqualTo("Une mission pour vous");
        assertThat(email.text()).isEqualTo("texte");
        assertThat(email.html()).isEqualTo("<p>html</p>");
        assertThat(email.header("list-unsubscribe")).isEqualTo("<https://api/unsubscribe?token=t>");
        assertThat(email.headers()).containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        assertThat(email.sentAt()).isEqualTo(now);
    }

    @Test
    void anEmailGoesToTheOutboxBoundToTheSendingThread() {
        Outbox bound = new Outbox();
        SentEmail email = OutboxInterceptor.toSentEmail(SendEmailRequest.builder().fromEmailAddress("a@b.c")
                .destination(d -> d.toAddresses("x@y.z")).build(), "m", Instant.now());

        try (Outbox.Scope ignored = bound.bind()) {
            Outbox.current().record(email);
        }

        assertThat(bound.emails()).containsExactly(email);
        assertThat(Outbox.current()).isNotSameAs(bound);
    }
}
