package org.socialdeclik.shared.email;

/** One labelled fact of an email ("Compétences : WordPress"), with a link when it is one. */
public record Line(String label, String value, String url) {
    public static Line of(String label, String value) {
        return new Line(label, value, null);
    }
}
