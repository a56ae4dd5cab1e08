package org.socialdeclik.shared.domain.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.socialdeclik.shared.domain.Mobility;
import org.socialdeclik.shared.domain.WorkMode;
import org.socialdeclik.shared.domain.vocab.Places;
import org.socialdeclik.shared.domain.vocab.Vocabulary;

/** matching.md, issue 12: a broader skill asked reaches narrower ones, after the skill itself, never the reverse. */
class BroaderSkillsTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    final Matcher matcher = new Matcher(Places.france());

    static MissionCard asking(String... words) {
        List<String> ids = new ArrayList<>();
        for (String word : words) {
            ids.add(Vocabulary.skills().understand(word).id());
        }
        return new MissionCard("m", "Site", List.of(words), ids, List.of(), List.of(), null, WorkMode.REMOTE, 400, false,
                LocalDate.of(2027, 2, 1), null);
    }

    static ProfileCard having(String id, String... words) {
        List<String> ids = new ArrayList<>();
        for (String word : words) {
            ids.add(Vocabulary.skills().understand(word).id());
        }
        return new ProfileCard(id, ids, List.of(), "35", Mobility.DEPARTMENT, true, null, false, null, "fr");
    }

    @ParameterizedTest(name = "a mission asking {0} reaches someone with only {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            CMS              | Drupal       | true
            CMS              | WordPress    | true
            CMS              | Joomla       | true
            Drupal           | CMS          | false
            CRM              | Salesforce   | true
            CRM              | HubSpot      | true
            Salesforce       | CRM          | false
            e-commerce       | Shopify      | true
            e-commerce       | WooCommerce  | true
            e-commerce       | PrestaShop   | true
            Shopify          | e-commerce   | false
            Java             | JavaScript   | false
            JavaScript       | Java         | false
            Java             | TypeScript   | false
            JavaScript       | TypeScript   | true
            développement web| React        | true
            React            | JavaScript   | false
            """)
    void narrower_answers_broader_and_never_the_reverse(String asked, String had, boolean reaches) {
        assertThat(matcher.evaluate(asking(asked), having("p", had), TODAY).isPresent()).isEqualTo(reaches);
    }

    @Test
    void the_reason_names_the_narrower_skill_and_the_broader_one_asked() {
        MatchReasons reasons = matcher.evaluate(asking("CMS", "SEO"), having("p", "Drupal", "référencement naturel"), TODAY)
                .orElseThrow();

        assertThat(reasons.sharedSkills()).containsExactly("SEO");
        assertThat(reasons.related()).containsExactly(new MatchReasons.Related("drupal", "cms"));
        assertThat(Vocabulary.skills().asBroader("cms", "fr")).isEqualTo("un CMS");
        assertThat(Vocabulary.skills().asBroader("cms", "en")).isEqualTo("a CMS");
    }

    @Test
    void who_has_the_skill_itself_is_ranked_before_who_has_a_narrower_one() {
        MissionCard cms = asking("CMS");
        List<Matcher.Candidate> candidates = new ArrayList<>();
        // the Drupal specialist waited longer, which would win a tie: it is no tie
        candidates.add(new Matcher.Candidate(having("drupal-person", "Drupal"),
                matcher.evaluate(cms, having("drupal-person", "Drupal"), TODAY).orElseThrow(), null));
        candidates.add(new Matcher.Candidate(having("cms-person", "CMS"),
                matcher.evaluate(cms, having("cms-person", "CMS"), TODAY).orElseThrow(), Instant.parse("2026-11-26T00:00:00Z")));

        candidates.sort(Matcher.RANKING);

        assertThat(candidates).extracting(c -> c.profile().id()).containsExactly("cms-person", "drupal-person");
    }

    @Test
    void every_broader_term_has_its_phrase_in_french_and_english_and_the_links_reach_through_the_vocabulary() {
        Vocabulary skills = Vocabulary.skills();
        long linked = skills.all().stream().filter(t -> !skills.broader(t.id()).isEmpty()).count();
        assertThat(linked).isGreaterThan(50);
        for (var term : skills.all()) {
            for (String broader : skills.broader(term.id())) {
                assertThat(skills.asBroader(broader, "fr")).as(broader).isNotEqualTo(skills.byId(broader).orElseThrow().labelFr());
                assertThat(skills.asBroader(broader, "en")).as(broader).isNotBlank();
            }
        }
        assertThat(skills.narrower("cms")).contains("wordpress", "drupal", "joomla");
        assertThat(skills.narrower("crm")).contains("salesforce", "hubspot");
        assertThat(skills.narrower("e-commerce")).contains("shopify", "woocommerce", "prestashop");
        assertThat(skills.narrower("java")).isEmpty();
        assertThat(skills.broader("java")).doesNotContain("javascript");
    }
}
