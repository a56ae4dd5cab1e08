package org.socialdeclik.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.socialdeclik.shared.token.Purpose;

/** make token's arguments and the samples it fills; the tokens themselves: make endpoint-test. */
class TokenToolTest {
    private static final Path EVENTS = SamTemplate.find(Path.of("")).orElseThrow().toAbsolutePath().getParent()
            .resolve("events");

    @Test
    void purposesAreNamedAsInTheLinksInAnyCase() {
        assertThat(TokenTool.purpose("manage-mission")).isEqualTo(Purpose.MANAGE_MISSION);
        assertThat(TokenTool.purpose(" Review ")).isEqualTo(Purpose.REVIEW);
        assertThat(TokenTool.purpose("admin")).isEqualTo(Purpose.ADMIN);
        assertThatThrownBy(() -> TokenTool.purpose("root")).hasMessageContaining("PURPOSE must be one of")
                .hasMessageContaining("manage-mission").hasMessageContaining("got root");
        assertThatThrownBy(() -> TokenTool.purpose(null)).hasMessageContaining("got nothing");
    }

    @Test
    void aMissionSampleGetsTheTokenAndTheMissionItIsAbout() throws Exception {
        String filled = TokenTool.event(EVENTS.resolve("missions/review-approve.json"), Purpose.REVIEW, "m-42", "abc.def");
        JsonNode event = LocalMapper.MAPPER.readTree(filled);
        assertThat(LocalMapper.MAPPER.readTree(event.path("body").asText()).path("token").asText()).isEqualTo("abc.def");
        assertThat(event.path("rawPath").asText()).isEqualTo("/missions/m-42/review");
        assertThat(event.path("pathParameters").path("id").asText()).isEqualTo("m-42");
        assertThat(filled).doesNotContain(TokenTool.SAMPLE_MISSION_ID).doesNotContain("REPLACE_WITH");
    }

    @Test
    void aSampleThatWantsAnotherPurposeOrNoTokenIsRefused() {
        assertThatThrownBy(() -> TokenTool.event(EVENTS.resolve("profiles/me-get.json"), Purpose.REVIEW, "p-1", "t.t"))
                .hasMessageContaining("wants REPLACE_WITH_ACCESS_TOKEN, not a REVIEW token");
        assertThatThrownBy(() -> TokenTool.event(EVENTS.resolve("missions/submit.json"), Purpose.REVIEW, "m-1", "t.t"))
                .hasMessageContaining("has no REPLACE_WITH_..._TOKEN placeholder");
    }

    @Test
    void withoutASubjectNothingIsAsked() {
        assertThatThrownBy(() -> TokenTool.run(Map.of("PURPOSE", "access")))
                .hasMessageContaining("SUBJECT is missing");
    }
}
