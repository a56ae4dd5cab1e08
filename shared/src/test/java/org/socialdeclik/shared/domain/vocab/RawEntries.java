package org.socialdeclik.shared.domain.vocab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The vocabulary files read straight from JSON, without going through {@link Vocabulary}. */
final class RawEntries {

    /** One entry of a vocabulary file, as written there. */
    record Entry(String id, String fr, String en, List<String> synonyms) {

        /** The id, both labels and every synonym: all the ways the file says this entry may be typed. */
        List<String> writtenForms() {
            List<String> forms = new ArrayList<>(List.of(id, fr, en));
            forms.addAll(synonyms);
            return forms;
        }
    }

    /** One way of typing one entry. */
    record Form(String termId, String written) {
    }

    private RawEntries() {
    }

    static List<Entry> read(String resource) {
        try (InputStream in = RawEntries.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            JsonNode root = new ObjectMapper().readTree(in);
            List<Entry> entries = new ArrayList<>();
            for (JsonNode node : root) {
                List<String> synonyms = new ArrayList<>();
                node.path("synonyms").forEach(s -> synonyms.add(s.asText()));
                entries.add(new Entry(node.path("id").asText(), node.path("fr").asText(), node.path("en").asText(),
                        List.copyOf(synonyms)));
            }
            return List.copyOf(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Form> forms(String resource) {
        return read(resource).stream()
                .flatMap(e -> e.writtenForms().stream().map(w -> new Form(e.id(), w)))
                .toList();
    }
}
