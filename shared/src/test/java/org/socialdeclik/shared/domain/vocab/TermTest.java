package org.socialdeclik.shared.domain.vocab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TermTest {

    private final Term seo = new Term("seo", "Référencement naturel (SEO)", "Search engine optimisation (SEO)", true);

    @ParameterizedTest(name = "locale \"{0}\" reads the English label")
    @ValueSource(strings = {"en", "EN", "en-GB", "en_US", " en "})
    void englishLocalesReadTheEnglishLabel(String locale) {
        assertThat(seo.label(locale)).isEqualTo("Search engine optimisation (SEO)");
    }

    @ParameterizedTest(name = "locale \"{0}\" reads the French label")
    @ValueSource(strings = {"fr", "FR", "fr-FR", "de", "", "eng", "english"})
    @NullSource
    void everyOtherLocaleReadsTheFrenchLabel(String locale) {
        assertThat(seo.label(locale)).isEqualTo("Référencement naturel (SEO)");
    }

    @Test
    void anUnknownTermIsLabelledAsTypedAndIdentifiedByItsNormalForm() {
        Term term = Term.unknown("permaculture urbaine", "  Permaculture urbaine ");

        assertThat(term.id()).isEqualTo("x:permaculture urbaine");
        assertThat(term.label("fr")).isEqualTo("Permaculture urbaine");
        assertThat(term.label("en")).isEqualTo("Permaculture urbaine");
        assertThat(term.known()).isFalse();
    }

    @ParameterizedTest(name = "id \"{0}\" with known={1} is refused")
    @CsvSource({
            "x:seo, true",
            "seo,   false",
    })
    void theUnknownPrefixBelongsToUnknownTermsOnly(String id, boolean known) {
        assertThatThrownBy(() -> new Term(id, "a", "b", known)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTermNeedsAnIdAndBothLabels() {
        assertThatThrownBy(() -> new Term(" ", "a", "b", true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Term("a", null, "b", true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Term("a", "a", "", true)).isInstanceOf(IllegalArgumentException.class);
    }
}
