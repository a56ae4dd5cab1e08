package org.socialdeclik.shared.domain.vocab;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Broader and narrower links between the terms of a vocabulary ({@code "broader": ["cms"]} on
 * Drupal), with the phrase that names a broader term in a reason ({@code "asBroader": {"fr": "un
 * CMS", "en": "a CMS"}}). Links go one way: a term's narrower terms are the ones that may answer a
 * request for it, never the other way round. The closures are computed once, at loading; a link
 * to an unknown id or a cycle fails the loading.
 */
final class Relations {
    private final Map<String, List<String>> narrower;
    private final Map<String, List<String>> broader;
    private final Map<String, String[]> phrases;

    private Relations(Map<String, List<String>> narrower, Map<String, List<String>> broader, Map<String, String[]> phrases) {
        this.narrower = narrower;
        this.broader = broader;
        this.phrases = phrases;
    }

    List<String> narrower(String id) {
        return narrower.getOrDefault(id, List.of());
    }

    List<String> broader(String id) {
        return broader.getOrDefault(id, List.of());
    }

    Optional<String> phrase(String id, String locale) {
        String[] phrase = phrases.get(id);
        if (phrase == null) {
            return Optional.empty();
        }
        boolean en = locale != null && locale.strip().toLowerCase(java.util.Locale.ROOT).startsWith("en");
        return Optional.of(en ? phrase[1] : phrase[0]);
    }

    /** Collects the links entry by entry, then checks and closes them. */
    static final class Builder {
        private final String resource;
        private final Map<String, List<String>> up = new LinkedHashMap<>();
        private final Map<String, String[]> phrases = new LinkedHashMap<>();

        Builder(String resource) {
            this.resource = resource;
        }

        void read(JsonNode entry, String id, String where) {
            JsonNode links = entry.get("broader");
            if (links != null) {
                if (!links.isArray()) {
                    throw new IllegalStateException(where + " (" + id + "): broader must be an array of term ids");
                }
                List<String> ids = new ArrayList<>();
                links.forEach(link -> ids.add(link.asText()));
                add(id, ids);
            }
            JsonNode phrase = entry.get("asBroader");
            if (phrase != null) {
                phrases.put(id, new String[] {Resources.text(phrase, "fr", where), Resources.text(phrase, "en", where)});
            }
        }

        void add(String id, Collection<String> broaderIds) {
            up.computeIfAbsent(id, k -> new ArrayList<>()).addAll(broaderIds);
        }

        Relations build(Set<String> known) {
            up.forEach((id, links) -> links.forEach(link -> {
                if (!known.contains(link)) {
                    throw new IllegalStateException(resource + ": " + id + " is narrower than " + link + ", which is no term");
                }
                if (link.equals(id)) {
                    throw new IllegalStateException(resource + ": " + id + " is narrower than itself");
                }
            }));
            Map<String, List<String>> down = new LinkedHashMap<>();
            up.forEach((id, links) -> links.forEach(link -> down.computeIfAbsent(link, k -> new ArrayList<>()).add(id)));
            Map<String, List<String>> broader = new LinkedHashMap<>();
            Map<String, List<String>> narrower = new LinkedHashMap<>();
            for (String id : known) {
                List<String> ups = closure(id, up);
                if (ups.contains(id)) {
                    throw new IllegalStateException(resource + ": " + id + " is broader and narrower than itself (a cycle)");
                }
                if (!ups.isEmpty()) {
                    broader.put(id, ups);
                }
                List<String> downs = closure(id, down);
                if (!downs.isEmpty()) {
                    narrower.put(id, downs);
                }
            }
            return new Relations(Map.copyOf(narrower), Map.copyOf(broader), Map.copyOf(phrases));
        }

        /** Every id reachable from {@code start} through the links, nearest first. */
        private static List<String> closure(String start, Map<String, List<String>> links) {
            Set<String> seen = new LinkedHashSet<>();
            Deque<String> queue = new ArrayDeque<>(links.getOrDefault(start, List.of()));
            while (!queue.isEmpty()) {
                String next = queue.removeFirst();
                if (seen.add(next) && !next.equals(start)) {
                    queue.addAll(links.getOrDefault(next, List.of()));
                }
            }
            return List.copyOf(seen);
        }
    }
}
