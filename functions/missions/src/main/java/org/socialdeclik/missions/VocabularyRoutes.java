package org.socialdeclik.missions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.socialdeclik.shared.api.ApiException;
import org.socialdeclik.shared.api.Fields;
import org.socialdeclik.shared.api.HttpRequest;
import org.socialdeclik.shared.api.HttpResponse;
import org.socialdeclik.shared.app.AdminSession;
import org.socialdeclik.shared.app.VocabularyService;
import org.socialdeclik.shared.domain.vocab.Learning;
import org.socialdeclik.shared.domain.vocab.Vocabulary;
import org.socialdeclik.shared.ports.VocabularyBook;

/**
 * The vocabulary on the admins' desk: {@code GET /admin/vocabulary/unknown} (the words no term
 * knew, most typed first) and {@code POST /admin/vocabulary} (a synonym of a term, or a new term;
 * 409 with the reason when a text would lead to two terms).
 */
final class VocabularyRoutes {
    private static final Set<String> FIELDS = Set.of("kind", "text", "mapTo", "term");
    private static final Set<String> TERM_FIELDS = Set.of("id", "fr", "en", "synonyms");
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final List<String> KINDS = List.of("skill", "cause");

    private final VocabularyService vocabulary;

    VocabularyRoutes(VocabularyService vocabulary) {
        this.vocabulary = vocabulary;
    }

    private static String kind(VocabularyBook.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    HttpResponse unknown(AdminSession session, HttpRequest request) {
        return HttpResponse.json(200, vocabulary.unknown(session).stream().map(u -> {
            Map<String, Object> word = new LinkedHashMap<>();
            word.put("kind", kind(u.kind()));
            word.put("text", u.text());
            word.put("count", u.count());
            return word;
        }).toList());
    }

    /** GET /vocabulary (public): the terms added on the admins' desk, for the forms' suggestions. */
    HttpResponse added(HttpRequest request) {
        Map<String, Object> answer = new LinkedHashMap<>();
        for (VocabularyBook.Kind kind : VocabularyBook.Kind.values()) {
            answer.put(kind(kind) + "s", vocabulary.addedTerms(kind).stream().map(term -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("id", term.id());
                entry.put("fr", term.fr());
                entry.put("en", term.en());
                return entry;
            }).toList());
        }
        return HttpResponse.json(200, answer);
    }

    HttpResponse teach(AdminSession session, HttpRequest request) {
        JsonNode body = request.json();
        Fields f = new Fields(request.messages());
        f.allowOnly(body, "", FIELDS);
        String kindName = f.oneOf(body, "", "kind", true, KINDS);
        String text = f.text(body, "", "text", false, 100);
        String mapTo = f.text(body, "", "mapTo", false, 100);
        JsonNode term = f.object(body, "", "term", false);
        Learning.NewTerm newTerm = null;
        if (term != null) {
            f.allowOnly(term, "term", TERM_FIELDS);
            String id = f.text(term, "term", "id", true, 60);
            String fr = f.text(term, "term", "fr", true, 100);
            String en = f.text(term, "term", "en", true, 100);
            List<String> synonyms = f.textList(term, "term", "synonyms", false, 0, 50, 100);
            if (id != null && !ID.matcher(id).matches()) {
                f.add("term.id", "field.vocabulary.id");
            }
            for (String written : List.of(fr == null ? "-" : fr, en == null ? "-" : en)) {
                if (Vocabulary.normalise(written).isEmpty()) {
                    f.add("term", "field.word");
                }
            }
            newTerm = new Learning.NewTerm(id, fr, en, synonyms);
        }
        boolean synonym = text != null || mapTo != null;
        if (synonym == (term != null)) {
            f.add("", "field.vocabulary.oneOf");
        } else if (synonym) {
            if (text == null) {
                f.add("text", "field.required");
            } else if (Vocabulary.normalise(text).isEmpty()) {
                f.add("text", "field.word");
            }
            if (mapTo == null) {
                f.add("mapTo", "field.required");
            }
        }
        f.throwIfAny();
        VocabularyBook.Kind kind = VocabularyBook.Kind.valueOf(kindName.toUpperCase(Locale.ROOT));
        VocabularyService.Taught taught;
        try {
            taught = synonym ? vocabulary.synonym(session, kind, text, mapTo) : vocabulary.term(session, kind, newTerm);
        } catch (VocabularyService.Refused refused) {
            throw switch (refused.why()) {
                case NO_SUCH_TERM -> {
                    Fields bad = new Fields(request.messages());
                    bad.add("mapTo", "field.vocabulary.noTerm");
                    yield ApiException.validation(bad.errors(), request.messages());
                }
                case ID_TAKEN -> new ApiException(409, request.messages().get("problem.conflict.title"),
                        request.messages().get("problem.conflict.termIdTaken", refused.termId()));
                case TAKEN -> new ApiException(409, request.messages().get("problem.conflict.title"),
                        request.messages().get("problem.conflict.vocabularyTaken", refused.text(), refused.termId()));
            };
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("kind", kind(taught.kind()));
        answer.put("termId", taught.termId());
        answer.put("texts", taught.texts());
        answer.put("reindexed", taught.reindexed());
        return HttpResponse.json(synonym ? 200 : 201, answer);
    }
}
