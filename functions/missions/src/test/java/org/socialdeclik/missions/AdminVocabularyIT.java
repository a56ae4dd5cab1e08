package org.socialdeclik.missions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socialdeclik.shared.Json;
import org.socialdeclik.shared.api.Messages;
import org.socialdeclik.shared.api.Requests;
import org.socialdeclik.shared.app.VocabularyService;
import org.socialdeclik.shared.aws.TableLayout;
import org.socialdeclik.shared.domain.Profile;
import org.socialdeclik.shared.domain.vocab.Learning;
import org.socialdeclik.shared.domain.vocab.Vocabulary;
import org.socialdeclik.shared.ports.OutboxEntry;
import org.socialdeclik.shared.ports.VocabularyBook;
import org.socialdeclik.shared.testing.Bodies;
import org.socialdeclik.shared.testing.Emulator;
import org.socialdeclik.shared.token.Purpose;

/**
 * The vocabulary that grows, end to end on the missions function (sample events of
 * events/missions, the emulator): unknown words counted, a synonym and a term taught, the stored
 * missions and profiles indexed again under the term, conflicts refused with the reason.
 */
class AdminVocabularyIT {
    static Emulator stack;
    static MissionsHandler handler;

    @BeforeAll
    static void start() {
        stack = Emulator.start();
        handler = new MissionsHandler(stack.env("MODERATION", "off"));
    }

    @AfterAll
    static void forget() {
        Learning.forget();
    }

    private static APIGatewayV2HTTPEvent event(String name) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/missions/" + name);
        if (event.getHeaders().containsKey("authorization")) {
            Map<String, String> headers = new HashMap<>(event.getHeaders());
            headers.put("authorization", "Bearer " + stack.tokens().mint(Purpose.ADMIN, OutboxEntry.part(Emulator.ADMIN)));
            event.setHeaders(headers);
        }
        return event;
    }

    private static APIGatewayV2HTTPResponse call(String sample, String body) {
        APIGatewayV2HTTPEvent event = event(sample);
        if (body != null) {
            event.setBody(body);
        }
        return handler.handleRequest(event, null);
    }

    private static JsonNode body(APIGatewayV2HTTPResponse response) throws Exception {
        return Json.parse(response.getBody());
    }

    private static String submitted(List<String> skills, List<String> causes) throws Exception {
        var mission = Bodies.mission();
        mission.putArray("skills").addAll(skills.stream().map(Json.nodes()::textNode).toList());
        mission.putArray("causes").addAll(causes.stream().map(Json.nodes()::textNode).toList());
        APIGatewayV2HTTPResponse response = call("submit.json", Json.write(mission));
        assertThat(response.getStatusCode()).isEqualTo(202);
        return body(response).get("id").asText();
    }

    private static List<String> sortKeys(String pk) {
        return stack.items().stream().filter(i -> i.get("pk").s().equals(pk)).map(i -> i.get("sk").s()).toList();
    }

    @Test
    void an_unknown_word_is_counted_then_taught_as_a_synonym_and_what_was_stored_with_it_matches_as_if_known() throws Exception {
        String first = submitted(List.of("UX/UI", "WordPress"), List.of("astronomie amateur"));
        String second = submitted(List.of("ux - ui"), List.of("environnement"));
        // a profile stored with the word, counted as the profiles function counts it
        Profile ana = Requests.profile("p-uxui", null, Bodies.profile("uxui@example.org")
                .set("skills", Json.array().add("UX/UI")), Messages.forLocale("fr"), Clock.systemUTC());
        stack.store().profiles().register(ana, "n", Instant.now(), new OutboxEntry("VERIFY#p-uxui", OutboxEntry.Kind.VERIFY,
                Map.of("profileId", "p-uxui")));
        stack.store().profiles().activate("p-uxui", "n", Instant.now());
        new VocabularyService(new org.socialdeclik.shared.aws.Wiring(org.socialdeclik.shared.config.Env.of(stack.env()))
                .vocabularyBook(), Clock.systemUTC()).noteUnknown(VocabularyBook.Kind.SKILL, ana.skills(), "PROFILE#p-uxui");

        JsonNode unknown = body(call("admin-vocabulary-unknown.json", null));
        assertThat(unknown.get(0).get("kind").asText()).isEqualTo("skill");
        assertThat(unknown.get(0).get("text").asText()).isEqualTo("UX/UI");
        assertThat(unknown.get(0).get("count").asInt()).isEqualTo(3);
        assertThat(unknown.toString()).contains("{\"kind\":\"cause\",\"text\":\"astronomie amateur\",\"count\":1}")
                .doesNotContain("WordPress", "environnement");
        String stale = TableLayout.openKey("x:ux ui");
        assertThat(sortKeys(stale)).containsExactlyInAnyOrder("MISSION#" + first, "MISSION#" + second);

        APIGatewayV2HTTPResponse taught = call("admin-vocabulary-synonym.json", null);

        assertThat(taught.getStatusCode()).isEqualTo(200);
        assertThat(body(taught).get("termId").asText()).isEqualTo("ux-design");
        assertThat(body(taught).get("reindexed").asInt()).isEqualTo(3);
        assertThat(Vocabulary.skills().understand("ux/ui").id()).isEqualTo("ux-design");
        assertThat(sortKeys(stale)).isEmpty();
        assertThat(sortKeys(TableLayout.openKey("ux-design"))).contains("MISSION#" + first, "MISSION#" + second);
        assertThat(sortKeys(TableLayout.skillKey("x:ux ui"))).isEmpty();
        assertThat(sortKeys(TableLayout.skillKey("ux-design"))).contains("PROFILE#p-uxui");
        // and matched again by the sweep: their matching is back on the work ledger
        assertThat(stack.items("TODO").stream().map(i -> i.get("ref").s())).contains(first, second, "p-uxui");
        assertThat(body(call("admin-vocabulary-unknown.json", null)).toString()).doesNotContain("UX/UI");
        // taught twice: the same answer, nothing more
        assertThat(call("admin-vocabulary-synonym.json", null).getStatusCode()).isEqualTo(200);
    }

    @Test
    void a_text_that_would_lead_to_two_terms_is_refused_with_409_and_the_reason() throws Exception {
        APIGatewayV2HTTPResponse wp = call("admin-vocabulary-synonym.json",
                "{\"kind\":\"skill\",\"text\":\"WP\",\"mapTo\":\"drupal\"}");
        assertThat(wp.getStatusCode()).isEqualTo(409);
        assertThat(body(wp).get("detail").asText()).contains("WP", "wordpress");

        APIGatewayV2HTTPResponse term = call("admin-vocabulary-term.json",
                "{\"kind\":\"skill\",\"term\":{\"id\":\"penpot-x\",\"fr\":\"Penpot X\",\"en\":\"Penpot X\",\"synonyms\":[\"référencement naturel\"]}}");
        assertThat(term.getStatusCode()).isEqualTo(409);
        assertThat(body(term).get("detail").asText()).contains("référencement naturel", "seo");

        APIGatewayV2HTTPResponse noTerm = call("admin-vocabulary-synonym.json",
                "{\"kind\":\"skill\",\"text\":\"Figma\",\"mapTo\":\"no-such-term\"}");
        assertThat(noTerm.getStatusCode()).isEqualTo(400);
        assertThat(body(noTerm).at("/errors/0/field").asText()).isEqualTo("mapTo");
    }

    @Test
    void a_new_term_is_understood_at_once_with_its_synonyms() throws Exception {
        assertThat(Vocabulary.skills().understand("Scribus").known()).isFalse();

        APIGatewayV2HTTPResponse added = call("admin-vocabulary-term.json", null);

        assertThat(added.getStatusCode()).as(added.getBody()).isEqualTo(201);
        assertThat(Vocabulary.skills().understand("scribus").id()).isEqualTo("scribus");
        assertThat(Vocabulary.skills().understand("Scribus (mise en page)").id()).isEqualTo("scribus");
        assertThat(Vocabulary.skills().understand("scribus").label("en")).isEqualTo("Scribus (desktop publishing)");
        assertThat(call("admin-vocabulary-term.json", null).getStatusCode()).isEqualTo(409);
        // the forms suggest it: the public list of added terms
        JsonNode suggested = body(handler.handleRequest(EventLoader.loadApiGatewayHttpEvent("events/missions/vocabulary.json"), null));
        assertThat(suggested.toString()).contains("{\"id\":\"scribus\",\"fr\":\"Scribus (mise en page)\",\"en\":\"Scribus (desktop publishing)\"}");
        assertThat(suggested.get("causes").isArray()).isTrue();
    }

    @Test
    void the_vocabulary_calls_need_the_admin_token() {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/missions/admin-vocabulary-unknown.json");
        assertThat(handler.handleRequest(event, null).getStatusCode()).isEqualTo(401);
        APIGatewayV2HTTPEvent teach = EventLoader.loadApiGatewayHttpEvent("events/missions/admin-vocabulary-synonym.json");
        assertThat(handler.handleRequest(teach, null).getStatusCode()).isEqualTo(401);
    }
}
