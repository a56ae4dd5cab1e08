package org.socialdeclik.shared.domain.vocab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class NormaliseTest {

    @ParameterizedTest(name = "\"{0}\" normalises to \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            Référencement naturel          | referencement naturel
            RÉFÉRENCEMENT   NATUREL        | referencement naturel
            référencement-naturel          | referencement naturel
            '  Community  Management  '    | community management
            réseaux_sociaux                | reseaux sociaux
            UX/UI                          | ux ui
            développement d'API            | developpement d api
            développement d’API            | developpement d api
            Node.js                        | node js
            NodeJS                         | nodejs
            .NET                           | net
            ASP.NET Core                   | asp net core
            C++                            | c plus plus
            c ++                           | c plus plus
            C#                             | c sharp
            C                              | c
            Éco-conception                 | eco conception
            cœur de métier                 | coeur de metier
            Œuvre                          | oeuvre
            Straße                         | strasse
            HTML5 / CSS3                   | html5 css3
            '...Drupal...'                 | drupal
            Île-de-France                  | ile de france
            """)
    void normalFormIgnoresCaseAccentsSpacingAndPunctuation(String typed, String expected) {
        assertThat(Vocabulary.normalise(typed)).isEqualTo(expected);
    }

    @Test
    void cAndCPlusPlusAndCSharpKeepDistinctNormalForms() {
        assertThat(Vocabulary.normalise("C"))
                .isNotEqualTo(Vocabulary.normalise("C++"))
                .isNotEqualTo(Vocabulary.normalise("C#"));
        assertThat(Vocabulary.normalise("C++")).isNotEqualTo(Vocabulary.normalise("C#"));
    }

    @Test
    void tabsAndLineBreaksAreSpacesToo() {
        assertThat(Vocabulary.normalise("data\tvisualisation\n")).isEqualTo("data visualisation");
    }

    @Test
    void textWithoutLetterOrDigitNormalisesToNothing() {
        assertThat(Vocabulary.normalise("... / -")).isEmpty();
    }

    @ParameterizedTest(name = "normalise rejects \"{0}\"")
    @ValueSource(strings = {"", "   ", "\t"})
    @NullSource
    void nullOrBlankTextIsRejected(String typed) {
        assertThatThrownBy(() -> Vocabulary.normalise(typed)).isInstanceOf(IllegalArgumentException.class);
    }
}
