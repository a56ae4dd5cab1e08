package org.socialdeclik.shared.domain.vocab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Rules every vocabulary file must keep, checked on the files themselves. */
class VocabularyFilesTest {

    @ParameterizedTest(name = "in {0}, no normalised form leads to two entries")
    @ValueSource(strings = {Vocabulary.SKILLS_RESOURCE, Vocabulary.CAUSES_RESOURCE})
    void noNormalisedSynonymIsSharedByTwoEntries(String resource) {
        Map<String, String> ownerOfKey = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        for (RawEntries.Form form : RawEntries.forms(resource)) {
            String key = Vocabulary.normalise(form.written());
            String owner = ownerOfKey.putIfAbsent(key, form.termId());
            if (owner != null && !owner.equals(form.termId())) {
                clashes.add("\"" + form.written() + "\" -> \"" + key + "\" is both " + owner + " and " + form.termId());
            }
        }
        assertThat(clashes).isEmpty();
    }

    @ParameterizedTest(name = "in {0}, every written form is understood as its own entry")
    @ValueSource(strings = {Vocabulary.SKILLS_RESOURCE, Vocabulary.CAUSES_RESOURCE})
    void everyWrittenFormIsUnderstoodAsItsOwnEntry(String resource) {
        Vocabulary vocabulary = Vocabulary.fromResource(resource);
        for (RawEntries.Form form : RawEntries.forms(resource)) {
            assertThat(vocabulary.understand(form.written()).id()).as(form.written()).isEqualTo(form.termId());
        }
    }

    @ParameterizedTest(name = "in {0}, ids are unique lower-case words joined by hyphens")
    @ValueSource(strings = {Vocabulary.SKILLS_RESOURCE, Vocabulary.CAUSES_RESOURCE})
    void idsAreUniqueLowerCaseWordsJoinedByHyphens(String resource) {
        Set<String> seen = new HashSet<>();
        for (RawEntries.Entry entry : RawEntries.read(resource)) {
            assertThat(entry.id()).matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(seen.add(entry.id())).as("id " + entry.id() + " appears once").isTrue();
        }
    }

    @ParameterizedTest(name = "in {0}, every entry has two labels and some synonyms")
    @ValueSource(strings = {Vocabulary.SKILLS_RESOURCE, Vocabulary.CAUSES_RESOURCE})
    void everyEntryHasTwoLabelsAndSomeSynonyms(String resource) {
        for (RawEntries.Entry entry : RawEntries.read(resource)) {
            assertThat(entry.fr()).as(entry.id() + " fr").isNotBlank();
            assertThat(entry.en()).as(entry.id() + " en").isNotBlank();
            assertThat(entry.synonyms()).as(entry.id() + " synonyms").isNotEmpty().allSatisfy(s -> assertThat(s).isNotBlank());
        }
    }

    @Test
    void aFileWhereOneWordMeansTwoSkillsIsRefused() {
        assertThatThrownBy(() -> Vocabulary.fromResource("/vocab-test/clashing.json"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("java")
                .hasMessageContaining("javascript");
    }

    @Test
    void aFileWithAMalformedIdIsRefused() {
        assertThatThrownBy(() -> Vocabulary.fromResource("/vocab-test/bad-id.json"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Java Script");
    }

    @Test
    void aMissingFileIsReported() {
        assertThatThrownBy(() -> Vocabulary.fromResource("/vocab-test/absent.json"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("absent.json");
    }
}
