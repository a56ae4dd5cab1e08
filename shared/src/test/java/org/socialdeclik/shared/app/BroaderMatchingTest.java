package org.socialdeclik.shared.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.socialdeclik.shared.api.Messages;
import org.socialdeclik.shared.api.Requests;
import org.socialdeclik.shared.domain.Mission;
import org.socialdeclik.shared.domain.MissionStatus;
import org.socialdeclik.shared.domain.Profile;
import org.socialdeclik.shared.domain.match.MatchReasons;
import org.socialdeclik.shared.domain.match.Matcher;
import org.socialdeclik.shared.domain.vocab.Places;
import org.socialdeclik.shared.ports.OutboxEntry;
import org.socialdeclik.shared.testing.Bodies;
import org.socialdeclik.shared.testing.InMemoryStore;

/** Both ways of matching find narrower skills for a broader one asked, and only that way round. */
class BroaderMatchingTest {
    static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
    final InMemoryStore store = new InMemoryStore();
    final MatchingService matching = new MatchingService(store, store, store, new Matcher(Places.france()),
            Clock.fixed(NOW, ZoneOffset.UTC), 25, 5);

    Profile active(String id, String... skills) {
        ObjectNode body = Bodies.profile(id + "@example.org");
        body.putArray("skills").addAll(List.of(skills).stream().map(com.fasterxml.jackson.databind.node.TextNode::new).toList());
        Profile profile = Requests.profile(id, null, body, Messages.forLocale("fr"), Clock.systemUTC());
        store.register(profile, "nonce", NOW, new OutboxEntry("VERIFY#" + id, OutboxEntry.Kind.VERIFY, Map.of("profileId", id)));
        store.activate(id, "nonce", NOW);
        return profile;
    }

    Mission published(String id, String... skills) {
        ObjectNode body = Bodies.mission();
        body.putArray("skills").addAll(List.of(skills).stream().map(com.fasterxml.jackson.databind.node.TextNode::new).toList());
        Mission mission = Requests.mission(id, body, Messages.forLocale("fr"), Clock.fixed(NOW, ZoneOffset.UTC));
        store.submit(mission, MissionStatus.PUBLISHED, NOW, List.of());
        return mission;
    }

    @Test
    void a_mission_asking_for_a_cms_reaches_the_drupal_specialist_but_not_the_reverse() {
        active("p-drupal", "Drupal");
        active("p-cms", "CMS");
        active("p-javascript", "JavaScript");

        MatchingService.Outcome cms = matching.missionPublished(published("m-cms", "CMS"));
        MatchingService.Outcome drupal = matching.missionPublished(published("m-drupal", "Drupal"));
        MatchingService.Outcome java = matching.missionPublished(published("m-java", "Java"));

        assertThat(cms.proposed()).isEqualTo(2);
        assertThat(store.reasons("m-cms", "p-drupal")).get().extracting(MatchReasons::related)
                .isEqualTo(List.of(new MatchReasons.Related("drupal", "cms")));
        assertThat(store.reasons("m-cms", "p-cms")).get().extracting(MatchReasons::related).isEqualTo(List.of());
        assertThat(drupal.proposed()).isEqualTo(1);
        assertThat(store.reasons("m-drupal", "p-cms")).isEmpty();
        assertThat(java.proposed()).isZero();
    }

    @Test
    void a_new_drupal_profile_finds_the_open_missions_asking_for_a_cms() {
        published("m-open-cms", "CMS");
        published("m-open-crm", "CRM");

        matching.profileActive(active("p-new", "Drupal"));

        assertThat(store.reasons("m-open-cms", "p-new")).isPresent();
        assertThat(store.reasons("m-open-crm", "p-new")).isEmpty();
    }
}
