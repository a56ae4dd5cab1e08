package org.socialdeclik.shared.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.socialdeclik.shared.domain.FieldError;

/**
 * Reads the fields of a JSON request one by one and collects every problem, so that one answer
 * names all the bad fields at once. Readers return null for a missing or bad value.
 */
public final class Fields {
    private static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");
    private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");

    private final Messages messages;
    private final List<FieldError> errors = new ArrayList<>();

    public Fields(Messages messages) {
        this.messages = messages;
    }

    public Messages messages() {
        return messages;
    }

    public static String path(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    public void add(String field, String key, Object... args) {
        errors.add(new FieldError(field, messages.get(key, args)));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public boolean hasErrorOn(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors, messages);
        }
    }

    /** Every field of {@code object} not in {@code allowed} is an error. */
    public void allowOnly(JsonNode object, String prefix, Set<String> allowed) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                add(path(prefix, name), "field.unknown");
            }
        }
    }

    private JsonNode value(JsonNode object, String name) {
        JsonNode node = object.get(name);
        return node == null || node.isNull() ? null : node;
    }

    private boolean missing(JsonNode node, String field, boolean required) {
        if (node == null) {
            if (required) {
                add(field, "field.required");
            }
            return true;
        }
        return false;
    }

    public JsonNode object(JsonNode parent, String prefix, String name, boolean required) {
        String field = path(prefix, name);
        JsonNode node = value(parent, name);
        if (missing(node, field, required)) {
            return null;
        }
        if (!node.isObject()) {
            add(field, "field.object");
            return null;
        }
        return node;
    }

    public String text(JsonNode parent, String prefix, String name, boolean required, int maxLength) {
        return text(parent, prefix, name, required, maxLength, false);
    }

    public String text(JsonNode parent, String prefix, String name, boolean required, int maxLength, boolean multiline) {
        String field = path(prefix, name);
        return checkText(value(parent, name), field, required, maxLength, multiline);
    }

    private String checkText(JsonNode node, String field, boolean required, int maxLength, boolean multiline) {
        if (missing(node, field, required)) {
            return null;
        }
        if (!node.isTextual()) {
            add(field, "field.string");
            return null;
        }
        String text = node.textValue().strip();
        if (text.isEmpty()) {
            add(field, required ? "field.required" : "field.blank");
            return null;
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            add(field, "field.tooLong", maxLength);
            return null;
        }
        if (hasControl(text, multiline)) {
            add(field, "field.control");
            return null;
        }
        return text;
    }

    private static boolean hasControl(String text, boolean multiline) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowedWhitespace = multiline && (c == '\n' || c == '\r' || c == '\t');
            if ((Character.isISOControl(c) && !allowedWhitespace) || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }

    public Boolean bool(JsonNode parent, String prefix, String name, boolean required) {
        String field = path(prefix, name);
        JsonNode node = value(parent, name);
        if (missing(node, field, required)) {
            return null;
        }
        if (!node.isBoolean()) {
            add(field, "field.boolean");
            return null;
        }
        return node.booleanValue();
    }

    public Integer integer(JsonNode parent, String prefix, String name, boolean required, int min, int max) {
        String field = path(prefix, name);
        JsonNode node = value(parent, name);
        if (missing(node, field, required)) {
            return null;
        }
        if (!node.isIntegralNumber() && !(node.isNumber() && node.asDouble() == Math.rint(node.asDouble()))) {
            add(field, "field.integer");
            return null;
        }
        if (!node.canConvertToLong() || node.asLong() < min || node.asLong() > max) {
            add(field, "field.range", min, max);
            return null;
        }
        return (int) node.asLong();
    }

    public LocalDate date(JsonNode parent, String prefix, String name, boolean required) {
        String field = path(prefix, name);
        JsonNode node = value(parent, name);
        if (missing(node, field, required)) {
            return null;
        }
        if (!node.isTextual() || !DATE.matcher(node.textValue()).matches()) {
            add(field, "field.date");
            return null;
        }
        try {
            return LocalDate.parse(node.textValue());
        } catch (DateTimeParseException e) {
            add(field, "field.date");
            return null;
        }
    }

    public <E extends Enum<E>> E enumValue(JsonNode parent, String prefix, String name, boolean required, Class<E> type) {
        String field = path(prefix, name);
        JsonNode node = value(parent, name);
        if (missing(node, field, required)) {
            return null;
        }
        if (node.isTextual()) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(node.textValue())) {
                    return constant;
                }
            }
        }
        add(field, "field.enum", Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        return null;
    }

    /** One of the given words (e.g. fr, en). */
    public String oneOf(JsonNode parent, String prefix, String name, boolean required, List<String> allowed) {
        String field = path(prefix, name);
        JsonNode node = value(parent, name);
        if (missing(node, field, required)) {
            return null;
        }
        if (!node.isTextual() || !allowed.contains(node.textValue())) {
            add(field, "field.enum", String.join(", ", allowed));
            return null;
        }
        return node.textValue();
    }

    public String email(JsonNode parent, String prefix, String name, boolean required) {
        String field = path(prefix, name);
        String text = text(parent, prefix, name, required, 254);
        if (text == null) {
            return null;
        }
        if (!EMAIL.matcher(text).matches()) {
            add(field, "field.email");
            return null;
        }
        int at = text.lastIndexOf('@');
        return text.substring(0, at) + "@" + text.substring(at + 1).toLowerCase(java.util.Locale.ROOT);
    }

    public String url(JsonNode parent, String prefix, String name, boolean required) {
        String field = path(prefix, name);
        String text = text(parent, prefix, name, required, 500);
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                add(field, "field.url");
                return null;
            }
            return text;
        } catch (Exception e) {
            add(field, "field.url");
            return null;
        }
    }

    /** A web address that must be https (a link shown to others is never sent in clear). */
    public String httpsUrl(JsonNode parent, String prefix, String name, boolean required) {
        String url = url(parent, prefix, name, required);
        if (url != null && !url.regionMatches(true, 0, "https:", 0, 6)) {
            add(path(prefix, name), "field.httpsUrl");
            return null;
        }
        return url;
    }

    /** A list of short texts; each bad item is named with its index, duplicates are refused. */
    public List<String> textList(JsonNode parent, String prefix, String name, boolean required,
                                 int minItems, int maxItems, int maxLength) {
        String field = path(prefix, name);
        JsonNode node = value(parent, name);
        if (missing(node, field, required)) {
            return null;
        }
        if (!node.isArray()) {
            add(field, "field.array");
            return null;
        }
        if (node.size() < minItems) {
            add(field, "field.tooFew", minItems);
            return null;
        }
        if (node.size() > maxItems) {
            add(field, "field.tooMany", maxItems);
            return null;
        }
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean ok = true;
        for (int i = 0; i < node.size(); i++) {
            String itemField = field + "[" + i + "]";
            JsonNode item = node.get(i);
            String text = checkText(item == null || item.isNull() ? null : item, itemField, true, maxLength, false);
            if (text == null) {
                ok = false;
            } else if (!seen.add(text.toLowerCase(java.util.Locale.ROOT))) {
                add(itemField, "field.duplicate");
                ok = false;
            } else {
                out.add(text);
            }
        }
        return ok ? out : null;
    }
}
