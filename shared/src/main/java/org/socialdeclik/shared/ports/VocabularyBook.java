package org.socialdeclik.shared.ports;

import java.time.Instant;
import java.util.List;
import org.socialdeclik.shared.domain.vocab.Learning;

/**
 * The vocabularies' book: the words people typed that no term knew (counted, with who typed
 * them), and what the admins taught (terms and synonyms), read back as a {@link Learning.Source}.
 */
public interface VocabularyBook extends Learning.Source {
    /** The two vocabularies people type in. */
    enum Kind { SKILL, CAUSE }

    /** A word no term knew, as first typed, and how many times it was typed. */
    record Unknown(Kind kind, String text, long count) {}

    /** Counts these unknown words (normal forms, each with the text as typed) and notes who typed them ({@code user}: PROFILE#id or MISSION#id). */
    void noteUnknown(Kind kind, List<String> typed, String user);

    /** Every unknown word counted, in no order. */
    List<Unknown> unknown();

    /** Forgets the count and the users of an unknown word (it is known now). */
    void forgetUnknown(Kind kind, String normalForm);

    /** Who typed the word (PROFILE#id or MISSION#id), as noted. */
    List<String> users(Kind kind, String normalForm);

    /**
     * Records a text as a synonym of a term and a new term with every key of it, all or nothing.
     * @return false when one of the keys was taken meanwhile (nothing written)
     */
    boolean teach(Kind kind, Learning.NewTerm newTerm, List<String> synonymKeys, String termId, Instant now);

    /**
     * Writes again the matching index of a stored profile or mission (the user noted) with the
     * vocabulary as it is now, removing the index items of {@code staleSkillId} (the former id of
     * the word), and puts it on the work ledger so that the sweep matches it again.
     */
    void reindex(String user, String staleSkillId, Instant now);
}
