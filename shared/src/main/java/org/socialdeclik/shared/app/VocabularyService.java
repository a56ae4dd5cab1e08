package org.socialdeclik.shared.app;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.socialdeclik.shared.domain.vocab.Learning;
import org.socialdeclik.shared.domain.vocab.Term;
import org.socialdeclik.shared.domain.vocab.Vocabulary;
import org.socialdeclik.shared.ports.VocabularyBook;
import org.socialdeclik.shared.ports.VocabularyBook.Kind;

/**
 * The vocabulary that grows: words typed that no term knew are counted; an admin makes one a
 * synonym of a term or adds a term; from then on the word is understood everywhere (every
 * function reads what was learnt, {@link Learning}), and the profiles and missions stored with it
 * are indexed again and matched again as if it had been known.
 */
public final class VocabularyService {
    private final VocabularyBook book;
    private final Clock clock;

    public VocabularyService(VocabularyBook book, Clock clock) {
        this.book = book;
        this.clock = clock;
    }

    /** Why a word cannot be taught: it already leads to another term, an id is taken, or the target is no term. */
    public static final class Refused extends RuntimeException {
        public enum Why { TAKEN, ID_TAKEN, NO_SUCH_TERM }

        private final Why why;
        private final String text;
        private final String termId;

        Refused(Why why, String text, String termId) {
            super(why.name(), null, false, false);
            this.why = why;
            this.text = text;
            this.termId = termId;
        }

        public Why why() {
            return why;
        }

        /** The text concerned. */
        public String text() {
            return text;
        }

        /** The term it already leads to (TAKEN), or the id asked (ID_TAKEN, NO_SUCH_TERM). */
        public String termId() {
            return termId;
        }
    }

    /** What teaching did: the term the text now leads to, and how many stored profiles and missions were indexed again. */
    public record Taught(Kind kind, String termId, List<String> texts, int reindexed) {}

    private static Vocabulary vocabulary(Kind kind) {
        return kind == Kind.SKILL ? Vocabulary.skills() : Vocabulary.causes();
    }

    /** Counts the words of a stored profile or mission that no term knows ({@code user}: PROFILE#id or MISSION#id). */
    public void noteUnknown(Kind kind, List<String> typed, String user) {
        if (typed == null) {
            return;
        }
        Vocabulary vocabulary = vocabulary(kind);
        List<String> unknown = typed.stream().filter(t -> !Vocabulary.normalise(t).isEmpty())
                .filter(t -> !vocabulary.understand(t).known()).distinct().toList();
        if (!unknown.isEmpty()) {
            book.noteUnknown(kind, unknown, user);
        }
    }

    /** The words no term knows, most typed first (a word learnt since is left out). */
    public List<VocabularyBook.Unknown> unknown(AdminSession session) {
        Learning.refreshNow();
        return book.unknown().stream()
                .filter(u -> !vocabulary(u.kind()).understand(u.text()).known())
                .sorted(Comparator.comparingLong(VocabularyBook.Unknown::count).reversed()
                        .thenComparing(VocabularyBook.Unknown::text))
                .toList();
    }

    /** The terms the admins added, for the forms' suggestions (public: labels only). */
    public List<Learning.NewTerm> addedTerms(Kind kind) {
        return (kind == Kind.SKILL ? book.skills() : book.causes()).terms();
    }

    /** Makes {@code text} a synonym of the term {@code termId}. */
    public Taught synonym(AdminSession session, Kind kind, String text, String termId) {
        Learning.refreshNow();
        Vocabulary vocabulary = vocabulary(kind);
        if (vocabulary.byId(termId).isEmpty()) {
            throw new Refused(Refused.Why.NO_SUCH_TERM, text, termId);
        }
        Term now = vocabulary.understand(text);
        if (now.known()) {
            if (now.id().equals(termId)) {
                return new Taught(kind, termId, List.of(text), 0); // already so: nothing to do
            }
            throw new Refused(Refused.Why.TAKEN, text, now.id());
        }
        return teach(kind, null, List.of(text), termId);
    }

    /** Adds a term; every one of its texts must be new to the vocabulary. */
    public Taught term(AdminSession session, Kind kind, Learning.NewTerm term) {
        Learning.refreshNow();
        Vocabulary vocabulary = vocabulary(kind);
        if (vocabulary.byId(term.id()).isPresent()) {
            throw new Refused(Refused.Why.ID_TAKEN, term.id(), term.id());
        }
        List<String> texts = new ArrayList<>(List.of(term.id(), term.fr(), term.en()));
        texts.addAll(term.synonyms());
        for (String text : texts) {
            Optional<Term> known = Optional.of(vocabulary.understand(text)).filter(Term::known);
            if (known.isPresent()) {
                throw new Refused(Refused.Why.TAKEN, text, known.get().id());
            }
        }
        return teach(kind, term, texts, term.id());
    }

    private Taught teach(Kind kind, Learning.NewTerm term, List<String> texts, String termId) {
        Instant now = Instant.now(clock);
        Set<String> keys = new LinkedHashSet<>();
        texts.forEach(t -> keys.add(Vocabulary.normalise(t)));
        keys.remove("");
        if (!book.teach(kind, term, List.copyOf(keys), termId, now)) {
            // another admin taught one of these words meanwhile: say which term it leads to now
            Learning.refreshNow();
            for (String text : texts) {
                Term taken = vocabulary(kind).understand(text);
                if (taken.known()) {
                    throw new Refused(Refused.Why.TAKEN, text, taken.id());
                }
            }
            throw new Refused(Refused.Why.TAKEN, texts.get(0), termId);
        }
        Learning.refreshNow();
        int reindexed = 0;
        for (String key : keys) {
            String stale = kind == Kind.SKILL ? Term.UNKNOWN_PREFIX + key : null;
            for (String user : book.users(kind, key)) {
                book.reindex(user, stale, now);
                reindexed++;
            }
            book.forgetUnknown(kind, key);
        }
        return new Taught(kind, termId, texts, reindexed);
    }
}
