package org.socialdeclik.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A Lambda event-filtering pattern (the EventBridge pattern language Lambda uses for
 * {@code FilterCriteria}), matched against the JSON form of one stream record.
 *
 * <p>Supported: nested objects; arrays of alternatives (string, number, boolean and null
 * literals); {@code {"exists": true|false}}; {@code {"prefix": s}}; {@code {"suffix": s}};
 * {@code {"equals-ignore-case": s}}; {@code {"anything-but": literal | [literals] | {"prefix": s} |
 * {"suffix": s}}}; {@code {"numeric": [op, n, ...]}}; {@code {"wildcard": "a*b"}}. When the event
 * value is an array, the pattern matches if any element does. A pattern that uses anything else
 * is refused when the template is read, as Lambda refuses it at deployment.
 */
final class EventPattern {
    private static final Set<String> OPERATORS = Set.of("prefix", "suffix", "equals-ignore-case",
            "anything-but", "exists", "numeric", "wildcard");

    private final JsonNode pattern;
    private final String source;

    private EventPattern(JsonNode pattern, String source) {
        this.pattern = pattern;
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
        validateObject(node, "");
        return new EventPattern(node, json);
    }

    /** A record matches a list of filters if any of them matches (an empty list lets all through). */
    static boolean anyMatches(List<EventPattern> filters, JsonNode event) {
        return filters.isEmpty() || filters.stream().anyMatch(filter -> filter.matches(event));
    }

    String source() {
        return source;
    }

    boolean matches(JsonNode event) {
        return matchObject(pattern, event);
    }

    private static boolean matchObject(JsonNode pattern, JsonNode event) {
        if (event != null && event.isArray()) {
            for (JsonNode element : event) {
                if (matchObject(pattern, element)) {
                    return true;
                }
            }
            return false;
        }
        for (Map.Entry<String, JsonNode> field : pattern.properties()) {
            JsonNode value = event != null && event.isObject() ? event.get(field.getKey()) : null;
            JsonNode rule = field.getValue();
            boolean ok = rule.isObject() ? matchObject(rule, value) : matchAlternatives(rule, value);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchAlternatives(JsonNode alternatives, JsonNode value) {
        for (JsonNode alternative : alternatives) {
            if (alternative.isObject() && alternative.has("exists")) {
                if (alternative.get("exists").asBoolean() == (value != null)) {
                    return true;
                }
                continue;
            }
            if (value == null) {
                continue;
            }
            if (value.isArray()) {
                for (JsonNode element : value) {
                    if (matchOne(alternative, element)) {
                        return true;
                    }
                }
            } else if (matchOne(alternative, value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchOne(JsonNode rule, JsonNode value) {
        if (!rule.isObject()) {
            return literalEquals(rule, value);
        }
        Map.Entry<String, JsonNode> operator = rule.properties().iterator().next();
        JsonNode argument = operator.getValue();
        return switch (operator.getKey()) {
            case "prefix" -> value.isTextual() && stringRule(argument, value.asText(), true);
            case "suffix" -> value.isTextual() && stringRule(argument, value.asText(), false);
            case "equals-ignore-case" -> value.isTextual() && value.asText().equalsIgnoreCase(argument.asText());
            case "wildcard" -> value.isTextual() && wildcard(argument.asText(), value.asText());
            case "numeric" -> value.isNumber() && numeric(argument, value.decimalValue());
            case "anything-but" -> anythingBut(argument, value);
            default -> false;
        };
    }

    private static boolean stringRule(JsonNode argument, String text, boolean prefix) {
        if (argument.isObject() && argument.has("equals-ignore-case")) {
            String expected = argument.get("equals-ignore-case").asText().toLowerCase(Locale.ROOT);
            String actual = text.toLowerCase(Locale.ROOT);
            return prefix ? actual.startsWith(expected) : actual.endsWith(expected);
        }
        return prefix ? text.startsWith(argument.asText()) : text.endsWith(argument.asText());
    }

    private static boolean anythingBut(JsonNode argument, JsonNode value) {
        if (value.isObject() || value.isArray()) {
            return false;
        }
        if (argument.isArray()) {
            for (JsonNode excluded : argument) {
                if (literalEquals(excluded, value)) {
                    return false;
                }
            }
            return true;
        }
        if (argument.isObject()) {
            Map.Entry<String, JsonNode> inner = argument.properties().iterator().next();
            if (!value.isTextual()) {
                return true;
            }
            return switch (inner.getKey()) {
                case "prefix" -> !value.asText().startsWith(inner.getValue().asText());
                case "suffix" -> !value.asText().endsWith(inner.getValue().asText());
                case "equals-ignore-case" -> !value.asText().equalsIgnoreCase(inner.getValue().asText());
                default -> false;
            };
        }
        return !literalEquals(argument, value);
    }

    private static boolean numeric(JsonNode argument, BigDecimal value) {
        for (int i = 0; i + 1 < argument.size(); i += 2) {
            String op = argument.get(i).asText();
            int cmp = value.compareTo(argument.get(i + 1).decimalValue());
            boolean ok = switch (op) {
                case "=" -> cmp == 0;
                case "<" -> cmp < 0;
                case "<=" -> cmp <= 0;
                case ">" -> cmp > 0;
                case ">=" -> cmp >= 0;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean wildcard(String glob, String text) {
        StringBuilder regex = new StringBuilder();
        for (String part : glob.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(java.util.regex.Pattern.quote(part));
        }
        return text.matches("(?s)" + regex);
    }

    private static boolean literalEquals(JsonNode literal, JsonNode value) {
        if (literal.isNull()) {
            return value.isNull();
        }
        if (literal.isNumber()) {
            return value.isNumber() && literal.decimalValue().compareTo(value.decimalValue()) == 0;
        }
        if (literal.isBoolean()) {
            return value.isBoolean() && literal.asBoolean() == value.asBoolean();
        }
        return value.isTextual() && value.asText().equals(literal.asText());
    }

    private static void validateObject(JsonNode node, String path) {
        if (node.isEmpty() && !path.isEmpty()) {
            throw new TemplateException("Filter pattern: empty object at " + path);
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                validateObject(value, at);
            } else if (value.isArray()) {
                if (value.isEmpty()) {
                    throw new TemplateException("Filter pattern: empty list at " + at);
                }
                for (JsonNode alternative : value) {
                    validateAlternative(alternative, at);
                }
            } else {
                throw new TemplateException("Filter pattern: the value at " + at
                        + " must be a list of alternatives or an object");
            }
        }
    }

    private static void validateAlternative(JsonNode alternative, String at) {
        if (alternative.isArray()) {
            throw new TemplateException("Filter pattern: nested list at " + at);
        }
        if (!alternative.isObject()) {
            return;
        }
        if (alternative.size() != 1) {
            throw new TemplateException("Filter pattern: an operator object must have one key at " + at);
        }
        String operator = alternative.properties().iterator().next().getKey();
        JsonNode argument = alternative.get(operator);
        if (!OPERATORS.contains(operator)) {
            throw new TemplateException("Filter pattern: unsupported operator '" + operator + "' at " + at);
        }
        boolean valid = switch (operator) {
            case "exists" -> argument.isBoolean();
            case "prefix", "suffix" -> argument.isTextual()
                    || (argument.isObject() && argument.size() == 1 && argument.has("equals-ignore-case"));
            case "equals-ignore-case", "wildcard" -> argument.isTextual();
            case "numeric" -> argument.isArray() && !argument.isEmpty() && argument.size() % 2 == 0;
            case "anything-but" -> !argument.isObject() || (argument.size() == 1
                    && (argument.has("prefix") || argument.has("suffix") || argument.has("equals-ignore-case")));
            default -> false;
        };
        if (!valid) {
            throw new TemplateException("Filter pattern: bad argument for '" + operator + "' at " + at);
        }
    }

    @Override
    public String toString() {
        return source;
    }
}
