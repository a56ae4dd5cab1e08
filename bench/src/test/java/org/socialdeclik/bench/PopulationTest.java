package org.socialdeclik.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.socialdeclik.shared.domain.match.MissionCard;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class PopulationTest {
    final Population population = new Population();

    @Test
    void the_probe_missions_are_understood_as_the_skills_they_are_meant_to_test() {
        assertThat(population.probes()).extracting(m -> MissionCard.of(m).skillIds()).containsExactly(
                List.of("wordpress", "seo"), List.of("ux-design", "accessibility"), List.of("data-visualisation", "python"),
                List.of("social-media"), List.of("flutter"));
        assertThat(population.probes()).extracting(m -> MissionCard.of(m).department())
                .containsExactly(null, "2A", "69", null, "974");
    }

    @Test
    void the_related_population_depends_only_on_the_seed_and_each_shares_a_probe_skill() {
        List<Population.Person> once = population.related(1, 50);
        List<Population.Person> again = new Population().related(1, 50);

        assertThat(again).isEqualTo(once);
        assertThat(once).allSatisfy(p -> assertThat(p.card().skillIds()).containsAnyElementsOf(population.probeSkillIds()));
    }

    @Test
    void unrelated_profiles_share_no_skill_with_any_probe_and_start_the_same_whatever_the_crowd() {
        Population.Unrelated a = population.unrelated(1);
        Population.Unrelated b = population.unrelated(1);
        for (int i = 0; i < 300; i++) {
            Population.Person person = a.next();
            assertThat(b.next()).isEqualTo(person);
            assertThat(person.card().skillIds()).doesNotContainAnyElementsOf(population.reachedSkillIds());
        }
    }

    @Test
    void an_active_profile_is_its_address_owner_its_document_its_verification_email_and_one_index_item_per_skill() {
        Population.Person person = population.related(3, 1).get(0);

        List<Map<String, AttributeValue>> items = ActiveProfileItems.of(person);

        assertThat(items).extracting(i -> i.get("entity").s())
                .startsWith("EMAIL", "PROFILE", "OUTBOX")
                .filteredOn("PROFILE_SKILL"::equals).hasSize(person.card().skillIds().size());
        assertThat(items.get(1).get("status").s()).isEqualTo("ACTIVE");
        assertThat(items.get(1)).doesNotContainKey("verifyNonce");
    }
}
