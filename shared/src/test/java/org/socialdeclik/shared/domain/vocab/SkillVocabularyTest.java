package org.socialdeclik.shared.domain.vocab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SkillVocabularyTest {

    private final Vocabulary skills = Vocabulary.skills();

    @ParameterizedTest(name = "\"{0}\" is understood as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            WP                          | wordpress
            wordpress                   | wordpress
            Word Press                  | wordpress
            Référencement naturel       | seo
            referencement naturel       | seo
            SEO                         | seo
            Search Engine Optimization  | seo
            community management        | social-media
            CM                          | social-media
            Réseaux sociaux             | social-media
            reseaux-sociaux             | social-media
            Social Media                | social-media
            UX                          | ux-design
            ux design                   | ux-design
            expérience utilisateur      | ux-design
            UI                          | ui-design
            user interface              | ui-design
            intégration web             | front-end
            Intégrateur web             | front-end
            Front-end                   | front-end
            frontend                    | front-end
            référencement payant        | sea
            Google Ads                  | sea
            SEA                         | sea
            Java                        | java
            JavaScript                  | javascript
            JS                          | javascript
            TypeScript                  | typescript
            React                       | react
            React.js                    | react
            React Native                | react-native
            node.js                     | nodejs
            NodeJS                      | nodejs
            node js                     | nodejs
            C                           | c-language
            C++                         | cpp
            C#                          | csharp-dotnet
            .NET                        | csharp-dotnet
            dotnet                      | csharp-dotnet
            HTML/CSS                    | html-css
            Éco-conception              | eco-design
            écoconception               | eco-design
            RGAA                        | accessibility
            WCAG                        | accessibility
            RGPD                        | gdpr
            GDPR                        | gdpr
            HelloAsso                   | online-fundraising
            financement participatif    | online-fundraising
            Mailchimp                   | emailing
            Brevo                       | emailing
            Matomo                      | web-analytics
            Google Analytics            | web-analytics
            Make.com                    | make
            n8n                         | n8n
            Woo Commerce                | woocommerce
            Presta                      | prestashop
            identité visuelle           | brand-identity
            montage vidéo               | video-editing
            dataviz                     | data-visualisation
            SQL                         | databases
            product owner               | product-ownership
            gestion de projet           | project-management
            traduction                  | translation
            médiation numérique         | digital-training
            """)
    void commonWaysOfNamingASkillAreUnderstood(String typed, String expectedId) {
        Term term = skills.understand(typed);

        assertThat(term.id()).isEqualTo(expectedId);
        assertThat(term.known()).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" and \"{1}\" name the same skill")
    @CsvSource(delimiter = '|', textBlock = """
            community management  | réseaux sociaux
            réseaux sociaux       | Social Media
            CM                    | community manager
            WP                    | WordPress
            Référencement naturel | SEO
            UX                    | UX design
            intégration web       | front-end
            """)
    void synonymsNameTheSameSkill(String one, String other) {
        assertThat(skills.understand(one).id()).isEqualTo(skills.understand(other).id());
    }

    @ParameterizedTest(name = "\"{0}\" and \"{1}\" are different skills")
    @CsvSource(delimiter = '|', textBlock = """
            Java         | JavaScript
            SEO          | SEA
            référencement naturel | référencement payant
            UX design    | UI design
            UX           | UX research
            React        | React Native
            C            | C++
            C            | C#
            C++          | C#
            WordPress    | WooCommerce
            data analysis | data engineering
            data analysis | data visualisation
            graphic design | brand identity
            motion design | video editing
            project manager | product owner
            cloud        | DevOps
            """)
    void distinctThingsStayDistinct(String one, String other) {
        Term first = skills.understand(one);
        Term second = skills.understand(other);

        assertThat(first.known()).as(one + " is known").isTrue();
        assertThat(second.known()).as(other + " is known").isTrue();
        assertThat(first.id()).isNotEqualTo(second.id());
    }

    @ParameterizedTest(name = "\"{0}\" stays as written and matches \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            Permaculture urbaine   | PERMACULTURE-URBAINE
            Tricot numérique       | tricot  numerique
            Gestion d'un FabLab    | gestion d un fablab
            """)
    void anUnknownSkillStaysAsWrittenAndMatchesOnlyItself(String typed, String sameWords) {
        Term term = skills.understand(typed);

        assertThat(term.known()).isFalse();
        assertThat(term.id()).isEqualTo("x:" + Vocabulary.normalise(typed));
        assertThat(term.labelFr()).isEqualTo(typed.strip());
        assertThat(term.labelEn()).isEqualTo(typed.strip());
        assertThat(skills.understand(sameWords).id()).isEqualTo(term.id());
        assertThat(skills.understand(typed + " avancé").id()).isNotEqualTo(term.id());
    }

    @Test
    void anUnknownSkillKeepsItsTypedTextTrimmed() {
        assertThat(skills.understand("  Tricot numérique  ").label("fr")).isEqualTo("Tricot numérique");
    }

    @Test
    void aKnownSkillCarriesItsFrenchAndEnglishLabels() {
        Term seo = skills.understand("référencement naturel");

        assertThat(seo.label("fr")).isEqualTo("Référencement naturel (SEO)");
        assertThat(seo.label("en")).isEqualTo("Search engine optimisation (SEO)");
    }

    @Test
    void thereAreAtLeastSeventySkills() {
        assertThat(skills.all()).hasSizeGreaterThanOrEqualTo(70);
    }

    @Test
    void everySkillIsFoundByItsId() {
        for (Term term : skills.all()) {
            assertThat(skills.byId(term.id())).contains(term);
        }
    }

    @Test
    void anIdOutsideTheVocabularyFindsNothing() {
        assertThat(skills.byId("x:tricot")).isEmpty();
        assertThat(skills.byId("SEO")).as("ids are exact").isEmpty();
    }

    @Test
    void theListOfSkillsCannotBeChanged() {
        assertThatThrownBy(() -> skills.all().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theSkillsAreLoadedOnce() {
        assertThat(Vocabulary.skills()).isSameAs(skills);
    }

    @ParameterizedTest(name = "understand rejects \"{0}\"")
    @ValueSource(strings = {"", "  ", "...", " - / "})
    @NullSource
    void textWithNothingToUnderstandIsRejected(String typed) {
        assertThatThrownBy(() -> skills.understand(typed)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "byId rejects \"{0}\"")
    @ValueSource(strings = {"", "  "})
    @NullSource
    void aBlankIdIsRejected(String id) {
        assertThatThrownBy(() -> skills.byId(id)).isInstanceOf(IllegalArgumentException.class);
    }
}
