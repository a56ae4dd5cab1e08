package org.socialdeclik.shared.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialdeclik.shared.api.Messages;
import org.socialdeclik.shared.api.Requests;
import org.socialdeclik.shared.domain.MissionStatus;
import org.socialdeclik.shared.domain.vocab.Places;
import org.socialdeclik.shared.email.EmailMessage;
import org.socialdeclik.shared.email.Emails;
import org.socialdeclik.shared.ports.EmailSender;
import org.socialdeclik.shared.ports.MissionActivity;
import org.socialdeclik.shared.ports.OutboxEntry;
import org.socialdeclik.shared.ports.OutboxRepository;
import org.socialdeclik.shared.testing.Bodies;
import org.socialdeclik.shared.testing.InMemoryStore;
import org.socialdeclik.shared.token.Tokens;

/**
 * The outbox claims that make each email go out once, on the in-memory fakes: a redelivery finds
 * the item taken, a refusal gives the claim back, an unknown outcome keeps it until the sweep
 * decides and then only the parts with no evidence are sent. The review email of a mission has
 * one part per admin.
 */
class OutboxClaimsTest {
    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    static final Duration STALE = Duration.ofMinutes(10);
    static final OutboxEntry REVIEW = new OutboxEntry("REVIEW#m-claims", OutboxEntry.Kind.MISSION_REVIEW,
            Map.of("missionId", "m-claims"));

    final InMemoryStore store = new InMemoryStore();
    final List<String> delivered = new ArrayList<>();
    /** The sends that fail, by their number (1 for the first), and how. */
    final Map<Integer, RuntimeException> failing = new HashMap<>();
    int sends;
    final EmailSender sender = (EmailMessage message, EmailSender.Tag tag) -> {
        RuntimeException failure = failing.get(++sends);
        if (failure != null) {
            throw failure;
        }
        delivered.add(message.to());
        return "ses-" + delivered.size();
    };

    NotificationService at(Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        MissionActivity none = new MissionActivity() {
            @Override
            public Counts counts(String missionId) {
                return new Counts(0, 0);
            }

            @Override
            public Map<String, String> titles(java.util.Collection<String> missionIds) {
                return Map.of();
            }

            @Override
            public List<String> interestedProfiles(String missionId) {
                return List.of();
            }
        };
        return new NotificationService(store, store, store, store, store, sender, new Emails(Places.france()),
                new Tokens("outbox-claims-test-key-of-32-bytes!".getBytes(StandardCharsets.UTF_8), clock),
                new Links("https://app.example.org", "https://api.example.org"),
                List.of("admin.one@example.org", "admin.two@example.org"), clock, none);
    }

    @BeforeEach
    void aMissionToReview() {
        var mission = Requests.mission("m-claims", Bodies.mission(), Messages.forLocale("fr"), Clock.fixed(T0, ZoneOffset.UTC));
        store.submit(mission, MissionStatus.PENDING_REVIEW, T0, List.of(REVIEW));
    }

    @Test
    void a_redelivered_item_is_not_sent_again() {
        assertThat(at(T0).deliver(REVIEW)).isEqualTo(NotificationService.Outcome.SENT);
        assertThat(at(T0.plusSeconds(1)).deliver(REVIEW)).isEqualTo(NotificationService.Outcome.TAKEN);

        assertThat(delivered).containsExactly("admin.one@example.org", "admin.two@example.org");
        assertThat(store.delivery(REVIEW.id()).orElseThrow().state()).isEqualTo(OutboxRepository.State.SENT);
    }

    @Test
    void a_refused_send_gives_the_claim_back_for_the_next_delivery() {
        failing.put(1, new EmailSender.NotAccepted("throttled", true, null));

        assertThatThrownBy(() -> at(T0).deliver(REVIEW)).isInstanceOf(EmailSender.NotAccepted.class);
        assertThat(store.delivery(REVIEW.id()).orElseThrow().state()).isEqualTo(OutboxRepository.State.PENDING);

        assertThat(at(T0.plusSeconds(5)).deliver(REVIEW)).isEqualTo(NotificationService.Outcome.SENT);
        assertThat(delivered).containsExactly("admin.one@example.org", "admin.two@example.org");
    }

    @Test
    void an_unknown_outcome_keeps_the_claim_and_the_sweep_later_sends_only_the_part_without_evidence() {
        failing.put(2, new IllegalStateException("connection reset after the request was written"));

        assertThat(at(T0).deliver(REVIEW)).isEqualTo(NotificationService.Outcome.UNCONFIRMED);
        assertThat(at(T0.plusSeconds(1)).deliver(REVIEW)).isEqualTo(NotificationService.Outcome.TAKEN);
        assertThat(at(T0.plus(STALE).minusSeconds(1)).deliverLate(REVIEW.id(), STALE))
                .isEqualTo(NotificationService.Outcome.NOT_DUE);

        assertThat(at(T0.plus(STALE)).deliverLate(REVIEW.id(), STALE)).isEqualTo(NotificationService.Outcome.SENT);
        assertThat(delivered).containsExactly("admin.one@example.org", "admin.two@example.org");
        assertThat(at(T0.plus(STALE).plusSeconds(1)).deliverLate(REVIEW.id(), STALE))
                .isEqualTo(NotificationService.Outcome.DONE);
    }
}
