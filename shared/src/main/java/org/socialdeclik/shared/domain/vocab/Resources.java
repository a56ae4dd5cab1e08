package org.socialdeclik.shared.domain.vocab;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.socialdeclik.shared.Json;

/** Reads the JSON data files of this package from the class path. */
final class Resources {

    private Resources() {
    }

    static JsonNode readJson(String resource) {
        if (resource == null || resource.isBlank()) {
            throw new IllegalArgumentException("resource must not be blank");
        }
        try (InputStream in = Resources.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource not found on the class path: " + resource);
            }
            return Json.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** The text of a required field, or an exception that says where it is missing. */
    static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalStateException(where + ": field \"" + field + "\" must be a non-blank string");
        }
        return value.asText();
    }
}
