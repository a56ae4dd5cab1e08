package org.socialdeclik.shared.domain.vocab;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the vocabularies learnt after the build: terms the admins added and texts they made
 * synonyms of a term, read from where they are kept (the table, through {@link Source}) and put
 * over the files' vocabularies. Every function refreshes them at the start of an invocation when
 * they are older than the refresh period ({@link #refresh()}), so a word taught on the admins'
 * desk is understood everywhere within that period, without a deploy.
 */
public final class Learning {
    /** A term added by an admin: its id, labels and synonyms, as in the files. */
    public record NewTerm(String id, String fr, String en, List<String> synonyms) {
        public NewTerm {
            synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
        }
    }

    /** What one vocabulary learnt: new terms, and texts made synonyms of a term (text -> term id). */
    public record Learned(List<NewTerm> terms, Map<String, String> synonyms) {
        public static final Learned NOTHING = new Learned(List.of(), Map.of());

        public Learned {
            terms = List.copyOf(terms);
            synonyms = Map.copyOf(synonyms);
        }
    }

    /** Where the learnt words are kept: the skills' and the causes'. */
    public interface Source {
        Learned skills();

        Learned causes();
    }

    private static volatile Vocabulary skills;
    private static volatile Vocabulary causes;
    private static volatile Source source;
    private static volatile Duration period = Duration.ofSeconds(30);
    private static volatile long nextRefresh;

    private Learning() {}

    static Vocabulary skills() {
        Vocabulary current = skills;
        return current != null ? current : Vocabulary.fileSkills();
    }

    static Vocabulary causes() {
        Vocabulary current = causes;
        return current != null ? current : Vocabulary.fileCauses();
    }

    /** From now on, learnt words come from {@code from}, read again when older than {@code every}. */
    public static void learnFrom(Source from, Duration every) {
        source = Objects.requireNonNull(from, "source");
        period = every;
        nextRefresh = 0;
    }

    /** Reads the learnt words again when the last reading is older than the period (or forced). */
    public static void refresh() {
        Source from = source;
        if (from != null && System.nanoTime() - nextRefresh >= 0) {
            try {
                apply(from.skills(), from.causes());
            } catch (RuntimeException e) {
                // the words learnt so far stay; the next invocation after the period tries again
                nextRefresh = System.nanoTime() + period.toNanos();
            }
        }
    }

    /** Reads them now, whatever their age (the admins' desk, right after teaching a word). */
    public static void refreshNow() {
        nextRefresh = System.nanoTime();
        refresh();
    }

    /** Puts these learnt words over the files' vocabularies. */
    public static synchronized void apply(Learned learnedSkills, Learned learnedCauses) {
        skills = Vocabulary.fileSkills().withLearned(learnedSkills.terms(), learnedSkills.synonyms());
        causes = Vocabulary.fileCauses().withLearned(learnedCauses.terms(), learnedCauses.synonyms());
        nextRefresh = System.nanoTime() + period.toNanos();
    }

    /** Back to the files alone, with no source (tests). */
    public static synchronized void forget() {
        skills = null;
        causes = null;
        source = null;
        nextRefresh = 0;
    }
}
