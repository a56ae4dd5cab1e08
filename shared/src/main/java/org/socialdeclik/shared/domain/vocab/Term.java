package org.socialdeclik.shared.domain.vocab;

import java.util.Locale;

/**
 * One entry of a {@link Vocabulary}: a skill or a cause as the platform understands it.
 *
 * <p>A known term comes from the vocabulary file and has a stable id such as {@code "seo"}.
 * An unknown term is what someone typed that the vocabulary does not know: its id is
 * {@code "x:" + Vocabulary.normalise(typed)} so that it matches only the same words, and both of
 * its labels are the text as it was typed (trimmed).
 *
 * @param id      stable identifier, {@code "x:..."} for unknown terms
 * @param labelFr label shown to French readers
 * @param labelEn label shown to English readers
 * @param known   whether the term comes from the vocabulary file
 */
public record Term(String id, String labelFr, String labelEn, boolean known) {

    /** Prefix of the id of every term the vocabulary does not know. */
    public static final String UNKNOWN_PREFIX = "x:";

    public Term {
        requireText(id, "id");
        requireText(labelFr, "labelFr");
        requireText(labelEn, "labelEn");
        if (known == id.startsWith(UNKNOWN_PREFIX)) {
            throw new IllegalArgumentException(known
                    ? "a known term's id must not start with " + UNKNOWN_PREFIX + ": " + id
                    : "an unknown term's id must start with " + UNKNOWN_PREFIX + ": " + id);
        }
    }

    /** The term for words the vocabulary does not know, from their normal form and the text as typed. */
    static Term unknown(String normalForm, String typed) {
        String label = typed.strip();
        return new Term(UNKNOWN_PREFIX + normalForm, label, label, false);
    }

    /**
     * The label for a reader's language: English for {@code "en"} (also {@code "EN"}, {@code "en-GB"},
     * {@code "en_US"}), French for anything else, including {@code null}.
     */
    public String label(String locale) {
        return isEnglish(locale) ? labelEn : labelFr;
    }

    private static boolean isEnglish(String locale) {
        if (locale == null) {
            return false;
        }
        String tag = locale.strip().toLowerCase(Locale.ROOT);
        return tag.equals("en") || tag.startsWith("en-") || tag.startsWith("en_");
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
