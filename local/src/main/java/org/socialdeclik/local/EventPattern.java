package org.socialdeclik.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import software.amazon.event.ruler.JsonRuleCompiler;
import software.amazon.event.ruler.Machine;

/**
 * A Lambda event-filtering pattern ({@code FilterCriteria}: the EventBridge pattern language),
 * matched against the JSON form of one stream record by AWS's own matcher, event-ruler
 * ({@code software.amazon.event.ruler}), not by a grammar written again here.
 *
 * <p>What was checked, in event-ruler's README (1.8.1, "How to use Ruler", "Compiling and
 * checking rules", "JSON array matching"): a pattern goes into a {@link Machine} under a name
 * ({@code addRule}); {@code rulesForJSONEvent} gives the names of the patterns an event matches,
 * with array-consistent matching ({@code rulesForEvent} is deprecated for lacking it); a value
 * that is an array matches when one of its elements does; {@code exists} applies to leaves.
 * {@link JsonRuleCompiler#check} gives null or why a pattern is refused: it is the compiler
 * {@code addRule} uses for JSON text ({@code RuleCompiler.check} is the older one, without
 * {@code $or}). The operators the template's filters can use (literals, {@code exists},
 * {@code prefix}, {@code suffix}, {@code equals-ignore-case}, {@code anything-but},
 * {@code numeric}) match as before: {@code EventPatternTest} is the test the hand-written
 * matcher had, unchanged. event-ruler also takes a few operators Lambda's filter documentation
 * does not list ({@code cidr}, for one); Lambda checks the template's patterns when it deploys.
 */
final class EventPattern {
    private static final String NAME = "filter";

    private final Machine machine;
    private final String source;

    private EventPattern(Machine machine, String source) {
        this.machine = machine;
        this.source = source;
    }

    static EventPattern parse(String json) {
        JsonNode node;
        try {
            node = LocalMapper.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new TemplateException("Filter pattern is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new TemplateException("Filter pattern must be a JSON object: " + json);
        }
        String refused = JsonRuleCompiler.check(json);
        if (refused != null) {
            throw new TemplateException("Filter pattern refused (" + refused.lines().findFirst().orElse(refused)
                    + "): " + json);
        }
        Machine machine = Machine.builder().build();
        try {
            machine.addRule(NAME, json);
        } catch (IOException e) {
            throw new TemplateException("Filter pattern refused (" + e.getMessage() + "): " + json);
        }
        return new EventPattern(machine, json);
    }

    /** A record matches a list of filters if any of them matches (an empty list lets all through). */
    static boolean anyMatches(List<EventPattern> filters, JsonNode event) {
        return filters.isEmpty() || filters.stream().anyMatch(filter -> filter.matches(event));
    }

    String source() {
        return source;
    }

    boolean matches(JsonNode event) {
        return !machine.rulesForJSONEvent(event).isEmpty();
    }

    @Override
    public String toString() {
        return source;
    }
}
