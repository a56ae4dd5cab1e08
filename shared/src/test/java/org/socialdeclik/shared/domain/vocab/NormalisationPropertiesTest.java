package org.socialdeclik.shared.domain.vocab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/** What must hold for any text, not only for the examples of the table-driven tests. */
class NormalisationPropertiesTest {

    /** Accented forms a French keyboard produces for each base letter. */
    private static final Map<Character, String> ACCENTED = Map.of(
            'a', "àâä", 'e', "éèêë", 'i', "îï", 'o', "ôö", 'u', "ùûü", 'c', "ç", 'y', "ÿ", 'n', "ñ");

    private static final String SEPARATORS = " -_./'\t’";

    private static final List<RawEntries.Form> SKILL_FORMS = RawEntries.forms(Vocabulary.SKILLS_RESOURCE);
    private static final List<RawEntries.Form> CAUSE_FORMS = RawEntries.forms(Vocabulary.CAUSES_RESOURCE);

    @Property
    void normalisationIgnoresCase(@ForAll("frenchText") String text) {
        String normal = Vocabulary.normalise(text);

        assertThat(Vocabulary.normalise(text.toUpperCase(Locale.ROOT))).isEqualTo(normal);
        assertThat(Vocabulary.normalise(text.toLowerCase(Locale.ROOT))).isEqualTo(normal);
    }

    @Property
    void normalisationIgnoresAccentsAddedOrRemovedOnLetters(@ForAll("accentedWord") Tuple2<String, String> plainAndAccented) {
        String plain = plainAndAccented.get1();
        String accented = plainAndAccented.get2();

        assertThat(Vocabulary.normalise(accented)).isEqualTo(Vocabulary.normalise(plain)).isEqualTo(plain);
        assertThat(Vocabulary.normalise(accented.toUpperCase(Locale.ROOT))).isEqualTo(plain);
    }

    @Property
    void normalisationIgnoresExtraSpacesAndHyphensBetweenWords(@ForAll("words") List<String> words,
                                                               @ForAll("separatorRuns") List<String> gaps) {
        Assume.that(gaps.size() >= words.size() + 1);
        StringBuilder typed = new StringBuilder(gaps.getFirst());
        for (int i = 0; i < words.size(); i++) {
            typed.append(words.get(i)).append(gaps.get(i + 1));
        }
        Assume.that(!typed.toString().isBlank());

        assertThat(Vocabulary.normalise(typed.toString())).isEqualTo(String.join(" ", words));
    }

    @Property
    void normalisationIsStableWhenAppliedTwice(@ForAll("frenchText") String text) {
        String once = Vocabulary.normalise(text);
        Assume.that(!once.isEmpty());

        assertThat(Vocabulary.normalise(once)).isEqualTo(once);
    }

    @Property
    void synonymsOfDistinctSkillsAreNeverUnderstoodAsOne(@ForAll("skillForm") RawEntries.Form one,
                                                       @ForAll("skillForm") RawEntries.Form other) {
        Assume.that(!one.termId().equals(other.termId()));
        Vocabulary skills = Vocabulary.skills();

        assertThat(skills.understand(one.written()).id()).isNotEqualTo(skills.understand(other.written()).id());
    }

    @Property
    void synonymsOfDistinctCausesAreNeverUnderstoodAsOne(@ForAll("causeForm") RawEntries.Form one,
                                                       @ForAll("causeForm") RawEntries.Form other) {
        Assume.that(!one.termId().equals(other.termId()));
        Vocabulary causes = Vocabulary.causes();

        assertThat(causes.understand(one.written()).id()).isNotEqualTo(causes.understand(other.written()).id());
    }

    @Property
    void aSkillIsUnderstoodHoweverItsCaseAndSpacingAreTyped(@ForAll("skillForm") RawEntries.Form form,
                                                           @ForAll boolean upper,
                                                           @ForAll("separatorRun") String gap) {
        String typed = form.written().replace(" ", gap);
        typed = upper ? typed.toUpperCase(Locale.ROOT) : typed.toLowerCase(Locale.ROOT);
        typed = gap + typed + gap;

        assertThat(Vocabulary.skills().understand(typed).id()).isEqualTo(form.termId());
    }

    @Property
    void anUnknownWordIsUnderstoodOnlyAsItselfWhateverItsCaseAndAccents(
            @ForAll("accentedWord") Tuple2<String, String> plainAndAccented) {
        String plain = "zq" + plainAndAccented.get1();
        String accented = "ZQ" + plainAndAccented.get2().toUpperCase(Locale.ROOT);
        Vocabulary skills = Vocabulary.skills();

        Term term = skills.understand(accented);

        assertThat(term.known()).isFalse();
        assertThat(term.id()).isEqualTo("x:" + plain);
        assertThat(term.label("fr")).isEqualTo(accented);
        assertThat(skills.understand(plain).id()).isEqualTo(term.id());
    }

    @Provide
    Arbitrary<String> frenchText() {
        return Arbitraries.strings()
                .withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
                .withChars("àâäçéèêëîïôöùûüÿñœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸÑŒÆß")
                .withChars("0123456789 -_./'+#")
                .ofMinLength(1).ofMaxLength(30)
                .filter(s -> !s.isBlank());
    }

    @Provide
    Arbitrary<Tuple2<String, String>> accentedWord() {
        Arbitrary<String> plain = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12);
        return plain.flatMap(word -> Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofSize(word.length())
                .map(choices -> Tuple.of(word, accentuate(word, choices))));
    }

    @Provide
    Arbitrary<List<String>> words() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9')
                .ofMinLength(1).ofMaxLength(8)
                .list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<String> separatorRun() {
        return Arbitraries.strings().withChars(SEPARATORS).ofMinLength(1).ofMaxLength(3);
    }

    @Provide
    Arbitrary<List<String>> separatorRuns() {
        Arbitrary<String> edgeOrGap = Arbitraries.strings().withChars(SEPARATORS).ofMinLength(0).ofMaxLength(3);
        Arbitrary<String> gap = separatorRun();
        return Combinators.combine(edgeOrGap, gap.list().ofMinSize(4).ofMaxSize(4), edgeOrGap)
                .as((lead, middle, trail) -> {
                    List<String> all = new java.util.ArrayList<>();
                    all.add(lead);
                    all.addAll(middle);
                    all.add(trail);
                    return all;
                });
    }

    @Provide
    Arbitrary<RawEntries.Form> skillForm() {
        return Arbitraries.of(SKILL_FORMS);
    }

    @Provide
    Arbitrary<RawEntries.Form> causeForm() {
        return Arbitraries.of(CAUSE_FORMS);
    }

    /** Puts an accent on some of the letters that can carry one; {@code choices} decide which and which accent. */
    private static String accentuate(String word, List<Integer> choices) {
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char letter = word.charAt(i);
            String variants = ACCENTED.get(letter);
            int choice = choices.get(i);
            if (variants == null || choice % 2 == 0) {
                out.append(letter);
            } else {
                out.append(variants.charAt((choice / 2) % variants.length()));
            }
        }
        return out.toString();
    }
}
