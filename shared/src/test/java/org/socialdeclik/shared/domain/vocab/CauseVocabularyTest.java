package org.socialdeclik.shared.domain.vocab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CauseVocabularyTest {

    private final Vocabulary causes = Vocabulary.causes();

    @ParameterizedTest(name = "\"{0}\" is understood as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            environnement                     | environment
            Environment                       | environment
            écologie                          | environment
            Solidarité et inclusion           | solidarity-inclusion
            solidarite                        | solidarity-inclusion
            Santé                             | health
            sante mentale                     | health
            éducation                         | education
            Education                         | education
            culture                           | culture
            handicap                          | disability
            Disability                        | disability
            insertion professionnelle         | employment-integration
            IAE                               | employment-integration
            égalité femmes-hommes             | gender-equality
            egalite hommes femmes             | gender-equality
            Gender equality                   | gender-equality
            alimentation durable              | sustainable-food
            Économie circulaire               | circular-economy
            circular economy                  | circular-economy
            logement                          | housing
            accueil des personnes migrantes   | migrants
            Réfugiés                          | migrants
            sport                             | sport
            numérique responsable             | responsible-digital
            protection animale                | animal-protection
            jeunesse                          | youth
            seniors                           | seniors
            lien intergénérationnel           | seniors
            développement local               | local-development
            commerce équitable                | fair-trade
            Fair trade                        | fair-trade
            droits humains                    | human-rights
            Human rights                      | human-rights
            """)
    void causesAreUnderstoodInFrenchAndEnglish(String typed, String expectedId) {
        Term term = causes.understand(typed);

        assertThat(term.id()).isEqualTo(expectedId);
        assertThat(term.known()).isTrue();
    }

    @Test
    void solidarityAtHomeAndAbroadAreDifferentCauses() {
        assertThat(causes.understand("solidarité").id())
                .isNotEqualTo(causes.understand("solidarité internationale").id());
    }

    @Test
    void anUnknownCauseStaysAsWritten() {
        Term term = causes.understand("Apiculture urbaine");

        assertThat(term.known()).isFalse();
        assertThat(term.id()).isEqualTo("x:apiculture urbaine");
        assertThat(term.label("en")).isEqualTo("Apiculture urbaine");
    }

    @Test
    void thereAreAtLeastFifteenCauses() {
        assertThat(causes.all()).hasSizeGreaterThanOrEqualTo(15);
    }

    @Test
    void theCausesAreLoadedOnceAndApartFromTheSkills() {
        assertThat(Vocabulary.causes()).isSameAs(causes).isNotSameAs(Vocabulary.skills());
    }
}
