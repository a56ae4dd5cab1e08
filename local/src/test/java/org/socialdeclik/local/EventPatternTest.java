package org.socialdeclik.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EventPatternTest {
    private static final String MISSION_PUBLISHED =
            "{\"eventName\":[\"INSERT\",\"MODIFY\"],\"dynamodb\":{\"NewImage\":{\"entity\":{\"S\":[\"MISSION\"]},"
                    + "\"status\":{\"S\":[\"PUBLISHED\"]}}}}";
    private static final String PROFILE_ACTIVE =
            "{\"eventName\":[\"INSERT\",\"MODIFY\"],\"dynamodb\":{\"NewImage\":{\"entity\":{\"S\":[\"PROFILE\"]},"
                    + "\"status\":{\"S\":[\"ACTIVE\"]}}}}";
    private static final String OUTBOX_INSERT =
            "{\"eventName\":[\"INSERT\"],\"dynamodb\":{\"NewImage\":{\"entity\":{\"S\":[\"OUTBOX\"]}}}}";

    private static JsonNode record(String eventName, String newImageJson) throws Exception {
        String json = "{\"eventID\":\"1\",\"eventName\":\"" + eventName + "\",\"eventSource\":\"aws:dynamodb\","
                + "\"dynamodb\":{\"Keys\":{\"pk\":{\"S\":\"k\"}}"
                + (newImageJson == null ? "" : ",\"NewImage\":" + newImageJson) + "}}";
        return LocalMapper.MAPPER.readTree(json);
    }

    private static JsonNode json(String json) throws Exception {
        return LocalMapper.MAPPER.readTree(json);
    }

    @Nested
    class TheProjectFilters {
        @Test
        void matchingTakesAPublishedMissionWhetherInsertedOrModified() throws Exception {
            EventPattern filter = EventPattern.parse(MISSION_PUBLISHED);
            String image = "{\"entity\":{\"S\":\"MISSION\"},\"status\":{\"S\":\"PUBLISHED\"}}";

            assertThat(filter.matches(record("INSERT", image))).isTrue();
            assertThat(filter.matches(record("MODIFY", image))).isTrue();
            assertThat(filter.matches(record("REMOVE", image))).isFalse();
        }

        @Test
        void matchingIgnoresAMissionPendingReview() throws Exception {
            EventPattern filter = EventPattern.parse(MISSION_PUBLISHED);

            assertThat(filter.matches(record("INSERT",
                    "{\"entity\":{\"S\":\"MISSION\"},\"status\":{\"S\":\"PENDING_REVIEW\"}}"))).isFalse();
        }

        @Test
        void aRecordPassesWhenAnyOfTheFunctionsFiltersMatches() throws Exception {
            List<EventPattern> filters = List.of(EventPattern.parse(MISSION_PUBLISHED), EventPattern.parse(PROFILE_ACTIVE));

            assertThat(EventPattern.anyMatches(filters, record("MODIFY",
                    "{\"entity\":{\"S\":\"PROFILE\"},\"status\":{\"S\":\"ACTIVE\"}}"))).isTrue();
            assertThat(EventPattern.anyMatches(filters, record("MODIFY",
                    "{\"entity\":{\"S\":\"PROFILE\"},\"status\":{\"S\":\"PENDING_VERIFICATION\"}}"))).isFalse();
        }

        @Test
        void noFiltersLetEveryRecordThrough() throws Exception {
            assertThat(EventPattern.anyMatches(List.of(), record("REMOVE", null))).isTrue();
        }

        @Test
        void notifierTakesOnlyInsertedOutboxItems() throws Exception {
            EventPattern filter = EventPattern.parse(OUTBOX_INSERT);
            String outbox = "{\"entity\":{\"S\":\"OUTBOX\"},\"to\":{\"S\":\"x@example.org\"}}";

            assertThat(filter.matches(record("INSERT", outbox))).isTrue();
            assertThat(filter.matches(record("MODIFY", outbox))).isFalse();
            assertThat(filter.matches(record("INSERT", "{\"entity\":{\"S\":\"MATCH\"}}"))).isFalse();
        }

        @Test
        void aRemoveRecordWithoutNewImageDoesNotMatchANewImageFilter() throws Exception {
            assertThat(EventPattern.parse(OUTBOX_INSERT).matches(record("INSERT", null))).isFalse();
        }
    }

    @Nested
    class Operators {
        @Test
        void existsTrueNeedsTheField() throws Exception {
            EventPattern filter = EventPattern.parse("{\"detail\":{\"ttl\":[{\"exists\":true}]}}");

            assertThat(filter.matches(json("{\"detail\":{\"ttl\":1}}"))).isTrue();
            assertThat(filter.matches(json("{\"detail\":{}}"))).isFalse();
        }

        @Test
        void existsFalseNeedsTheFieldAbsentEvenWhenItsParentIsAbsent() throws Exception {
            EventPattern filter = EventPattern.parse("{\"detail\":{\"ttl\":[{\"exists\":false}]}}");

            assertThat(filter.matches(json("{\"detail\":{}}"))).isTrue();
            assertThat(filter.matches(json("{}"))).isTrue();
            assertThat(filter.matches(json("{\"detail\":{\"ttl\":null}}"))).isFalse();
        }

        @Test
        void prefixMatchesTheStartOfAString() throws Exception {
            EventPattern filter = EventPattern.parse("{\"pk\":[{\"prefix\":\"MISSION#\"}]}");

            assertThat(filter.matches(json("{\"pk\":\"MISSION#12\"}"))).isTrue();
            assertThat(filter.matches(json("{\"pk\":\"PROFILE#12\"}"))).isFalse();
            assertThat(filter.matches(json("{\"pk\":12}"))).isFalse();
        }

        @Test
        void anythingButExcludesTheListedValues() throws Exception {
            EventPattern filter = EventPattern.parse("{\"status\":[{\"anything-but\":[\"CLOSED\",\"REJECTED\"]}]}");

            assertThat(filter.matches(json("{\"status\":\"PUBLISHED\"}"))).isTrue();
            assertThat(filter.matches(json("{\"status\":\"CLOSED\"}"))).isFalse();
            assertThat(filter.matches(json("{}"))).isFalse();
        }

        @Test
        void anythingButTakesASingleValueOrAPrefix() throws Exception {
            assertThat(EventPattern.parse("{\"s\":[{\"anything-but\":\"A\"}]}").matches(json("{\"s\":\"B\"}"))).isTrue();
            assertThat(EventPattern.parse("{\"s\":[{\"anything-but\":{\"prefix\":\"tmp-\"}}]}")
                    .matches(json("{\"s\":\"tmp-1\"}"))).isFalse();
        }

        @Test
        void numericComparesNumbers() throws Exception {
            EventPattern filter = EventPattern.parse("{\"n\":[{\"numeric\":[\">\",0,\"<=\",5]}]}");

            assertThat(filter.matches(json("{\"n\":5}"))).isTrue();
            assertThat(filter.matches(json("{\"n\":0}"))).isFalse();
            assertThat(filter.matches(json("{\"n\":\"3\"}"))).isFalse();
        }

        @Test
        void literalsMatchByTypeAndValue() throws Exception {
            assertThat(EventPattern.parse("{\"b\":[true]}").matches(json("{\"b\":true}"))).isTrue();
            assertThat(EventPattern.parse("{\"b\":[true]}").matches(json("{\"b\":\"true\"}"))).isFalse();
            assertThat(EventPattern.parse("{\"n\":[1.0]}").matches(json("{\"n\":1}"))).isTrue();
            assertThat(EventPattern.parse("{\"x\":[null]}").matches(json("{\"x\":null}"))).isTrue();
        }

        @Test
        void anElementOfAnArrayValueIsEnough() throws Exception {
            EventPattern filter = EventPattern.parse("{\"dynamodb\":{\"NewImage\":{\"tags\":{\"SS\":[\"urgent\"]}}}}");

            assertThat(filter.matches(json("{\"dynamodb\":{\"NewImage\":{\"tags\":{\"SS\":[\"a\",\"urgent\"]}}}}")))
                    .isTrue();
            assertThat(filter.matches(json("{\"dynamodb\":{\"NewImage\":{\"tags\":{\"SS\":[\"a\"]}}}}"))).isFalse();
        }

        @Test
        void suffixAndEqualsIgnoreCase() throws Exception {
            assertThat(EventPattern.parse("{\"f\":[{\"suffix\":\".png\"}]}").matches(json("{\"f\":\"a.png\"}"))).isTrue();
            assertThat(EventPattern.parse("{\"f\":[{\"equals-ignore-case\":\"abc\"}]}")
                    .matches(json("{\"f\":\"AbC\"}"))).isTrue();
        }
    }

    @Nested
    class InvalidPatterns {
        @Test
        void notJsonIsRefused() {
            assertThatThrownBy(() -> EventPattern.parse("{eventName: INSERT"))
                    .isInstanceOf(TemplateException.class).hasMessageContaining("not valid JSON");
        }

        @Test
        void aBareValueInsteadOfAListIsRefused() {
            assertThatThrownBy(() -> EventPattern.parse("{\"eventName\":\"INSERT\"}"))
                    .isInstanceOf(TemplateException.class).hasMessageContaining("eventName");
        }

        @Test
        void anUnknownOperatorIsRefused() {
            assertThatThrownBy(() -> EventPattern.parse("{\"a\":[{\"regex\":\".*\"}]}"))
                    .isInstanceOf(TemplateException.class).hasMessageContaining("regex");
        }

        @Test
        void anEmptyListIsRefused() {
            assertThatThrownBy(() -> EventPattern.parse("{\"a\":[]}")).isInstanceOf(TemplateException.class);
        }
    }
}
