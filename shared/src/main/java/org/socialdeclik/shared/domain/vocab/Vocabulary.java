package org.socialdeclik.shared.domain.vocab;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Words typed by people (skills, causes), understood the way a person would: case, accents, spacing
 * and punctuation do not matter, and French names, English names, synonyms and abbreviations of one
 * thing lead to the same {@link Term}.
 *
 * <p>The vocabulary is data: a JSON array of {@code {"id", "fr", "en", "synonyms": [...]}} objects. The
 * id, both labels and every synonym of an entry are its keys once normalised; loading fails when one
 * key would lead to two entries, so a typed word can never mean two things. Instances are immutable
 * and safe to share between threads.
 */
public final class Vocabulary {

    /** Class-path location of the skills file. */
    public static final String SKILLS_RESOURCE = "/vocab/skills.json";
    /** Class-path location of the causes file. */
    public static final String CAUSES_RESOURCE = "/vocab/causes.json";

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final String source;
    private final List<Term> terms;
    private final Map<String, Term> byId;
    private final Map<String, Term> byKey;
    private final Relations relations;

    private Vocabulary(String source, List<Term> terms, Map<String, Term> byId, Map<String, Term> byKey,
                       Relations relations) {
        this.source = source;
        this.terms = List.copyOf(terms);
        this.byId = Collections.unmodifiableMap(byId);
        this.byKey = Collections.unmodifiableMap(byKey);
        this.relations = relations;
    }

    /**
     * The skills of the digital world: the file {@value #SKILLS_RESOURCE}, loaded once, with what
     * the admins taught it since ({@link Learning}).
     */
    public static Vocabulary skills() {
        return Learning.skills();
    }

    /** The causes of the social and solidarity economy ({@value #CAUSES_RESOURCE}), with what was learnt. */
    public static Vocabulary causes() {
        return Learning.causes();
    }

    /** The skills of the file alone. */
    static Vocabulary fileSkills() {
        return Skills.INSTANCE;
    }

    /** The causes of the file alone. */
    static Vocabulary fileCauses() {
        return Causes.INSTANCE;
    }

    /**
     * This vocabulary with learnt words: new terms (their labels and synonyms as keys), then
     * texts made synonyms of a term. A learnt word that would lead to two terms, or a term whose
     * id is taken, is left out (the admins' desk refuses them before they are stored).
     */
    public Vocabulary withLearned(List<Learning.NewTerm> newTerms, Map<String, String> synonyms) {
        if (newTerms.isEmpty() && synonyms.isEmpty()) {
            return this;
        }
        List<Term> allTerms = new ArrayList<>(terms);
        Map<String, Term> ids = new LinkedHashMap<>(byId);
        Map<String, Term> keys = new LinkedHashMap<>(byKey);
        for (Learning.NewTerm learnt : newTerms) {
            if (ids.containsKey(learnt.id()) || !ID.matcher(learnt.id()).matches()) {
                continue;
            }
            Term term = new Term(learnt.id(), learnt.fr(), learnt.en(), true);
            List<String> written = new ArrayList<>(List.of(learnt.id(), learnt.fr(), learnt.en()));
            written.addAll(learnt.synonyms());
            List<String> normal = written.stream().map(Vocabulary::normalise).filter(k -> !k.isEmpty()).toList();
            if (normal.stream().anyMatch(k -> keys.containsKey(k) && !keys.get(k).id().equals(learnt.id()))) {
                continue;
            }
            ids.put(term.id(), term);
            allTerms.add(term);
            normal.forEach(k -> keys.put(k, term));
        }
        synonyms.forEach((text, id) -> {
            String key = normalise(text);
            Term term = ids.get(id);
            if (term != null && !key.isEmpty() && !keys.containsKey(key)) {
                keys.put(key, term);
            }
        });
        return new Vocabulary(source + " + learnt", allTerms, ids, keys, relations);
    }

    /**
     * Loads a vocabulary from a JSON resource on the class path (not cached).
     *
     * @throws IllegalStateException when the file is missing or malformed, or when one normalised key
     *                               would lead to two entries
     */
    public static Vocabulary fromResource(String resource) {
        JsonNode root = Resources.readJson(resource);
        if (!root.isArray()) {
            throw new IllegalStateException(resource + ": expected a JSON array of entries");
        }
        List<Term> terms = new ArrayList<>();
        Map<String, Term> byId = new LinkedHashMap<>();
        Map<String, Term> byKey = new LinkedHashMap<>();
        Relations.Builder relations = new Relations.Builder(resource);
        int index = 0;
        for (JsonNode entry : root) {
            String where = resource + " entry #" + index++;
            String id = Resources.text(entry, "id", where);
            if (!ID.matcher(id).matches()) {
                throw new IllegalStateException(where + ": id must be lower-case words joined by hyphens, got " + id);
            }
            Term term = new Term(id, Resources.text(entry, "fr", where), Resources.text(entry, "en", where), true);
            if (byId.putIfAbsent(id, term) != null) {
                throw new IllegalStateException(where + ": id " + id + " appears twice");
            }
            terms.add(term);
            relations.read(entry, id, where);
            List<String> keys = new ArrayList<>(List.of(id, term.labelFr(), term.labelEn()));
            JsonNode synonyms = entry.get("synonyms");
            if (synonyms != null) {
                if (!synonyms.isArray()) {
                    throw new IllegalStateException(where + ": synonyms must be an array of strings");
                }
                for (JsonNode synonym : synonyms) {
                    if (!synonym.isTextual() || synonym.asText().isBlank()) {
                        throw new IllegalStateException(where + " (" + id + "): every synonym must be a non-blank string");
                    }
                    keys.add(synonym.asText());
                }
            }
            for (String written : keys) {
                String key = normalise(written);
                if (key.isEmpty()) {
                    throw new IllegalStateException(where + " (" + id + "): \"" + written + "\" has no letter or digit");
                }
                Term previous = byKey.putIfAbsent(key, term);
                if (previous != null && !previous.id().equals(id)) {
                    throw new IllegalStateException(resource + ": \"" + written + "\" (normalised \"" + key
                            + "\") would mean both " + previous.id() + " and " + id);
                }
            }
        }
        return new Vocabulary(resource, terms, byId, byKey, relations.build(byId.keySet()));
    }

    /**
     * The form under which typed words are compared: lower case, without accents, with every run of
     * spaces and punctuation (dots, hyphens, underscores, slashes, apostrophes...) made one space, and
     * trimmed. {@code '+'} and {@code '#'} become the words "plus" and "sharp", so that "C", "C++" and
     * "C#" stay apart ({@code "c"}, {@code "c plus plus"}, {@code "c sharp"}).
     *
     * <p>Returns an empty string when the text holds no letter or digit (for instance "...").
     *
     * @throws IllegalArgumentException when {@code typed} is null or blank
     */
    public static String normalise(String typed) {
        requireText(typed);
        String decomposed = Normalizer.normalize(typed.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        Words words = new Words(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '+' -> words.word("plus");
                case '#' -> words.word("sharp");
                case 'œ' -> words.letters("oe");
                case 'æ' -> words.letters("ae");
                case 'ß' -> words.letters("ss");
                case 'ø' -> words.letters("o");
                case 'ł' -> words.letters("l");
                case 'đ' -> words.letters("d");
                default -> {
                    if (isCombiningMark(c)) {
                        continue; // an accent taken off its letter: the word goes on
                    }
                    if (Character.isLetterOrDigit(c)) {
                        words.letter(c);
                    } else {
                        words.gap();
                    }
                }
            }
        }
        return words.toString();
    }

    /**
     * The term for typed words: the known term when one of its keys has the same normal form, otherwise
     * an unknown term ({@link Term#known()} false) whose id is {@code "x:" + normalise(typed)} and whose
     * labels are the typed text, trimmed.
     *
     * @throws IllegalArgumentException when {@code typed} is null, blank, or holds no letter or digit
     */
    public Term understand(String typed) {
        String key = normalise(typed);
        if (key.isEmpty()) {
            throw new IllegalArgumentException("nothing to understand in \"" + typed + "\"");
        }
        Term known = byKey.get(key);
        return known != null ? known : Term.unknown(key, typed);
    }

    /**
     * The known term with exactly this id ({@code "seo"}, {@code "ux-design"}...). Ids of unknown terms
     * ({@code "x:..."}) are not in the vocabulary and give an empty result.
     *
     * @throws IllegalArgumentException when {@code id} is null or blank
     */
    public Optional<Term> byId(String id) {
        requireText(id);
        return Optional.ofNullable(byId.get(id));
    }

    /** Every known term, in the order of the file. */
    public List<Term> all() {
        return terms;
    }

    /**
     * The terms narrower than this one, however far down (CMS: Drupal, WordPress ...), nearest
     * first; empty for an unknown term or one with nothing under it.
     */
    public List<String> narrower(String id) {
        return relations.narrower(id);
    }

    /** The terms broader than this one, however far up (Drupal: CMS), nearest first. */
    public List<String> broader(String id) {
        return relations.broader(id);
    }

    /**
     * How a reason says that something is a kind of this term, in the reader's language:
     * "un CMS" / "a CMS" ("Drupal, un CMS"); the term's label when the file gives no phrase.
     */
    public String asBroader(String id, String locale) {
        return relations.phrase(id, locale).orElseGet(() -> byId(id).map(t -> t.label(locale)).orElse(id));
    }

    @Override
    public String toString() {
        return "Vocabulary[" + source + ", " + terms.size() + " terms, " + byKey.size() + " keys]";
    }

    private static boolean isCombiningMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static void requireText(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("expected some text, got " + (value == null ? "null" : "a blank"));
        }
    }

    /** Builds words separated by single spaces, with no space at either end. */
    private static final class Words {
        private final StringBuilder out;
        private boolean gap;

        Words(int capacity) {
            out = new StringBuilder(capacity);
        }

        void letter(int c) {
            startLetters();
            out.appendCodePoint(c);
        }

        void letters(String s) {
            startLetters();
            out.append(s);
        }

        void word(String w) {
            gap();
            letters(w);
            gap();
        }

        void gap() {
            gap = true;
        }

        private void startLetters() {
            if (gap && !out.isEmpty()) {
                out.append(' ');
            }
            gap = false;
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }

    private static final class Skills {
        static final Vocabulary INSTANCE = fromResource(SKILLS_RESOURCE);
    }

    private static final class Causes {
        static final Vocabulary INSTANCE = fromResource(CAUSES_RESOURCE);
    }
}
