package org.socialdeclik.shared.email;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One email ready to send. Header values and the subject may never hold a line break: that is
 * what keeps header injection impossible whatever a user typed.
 */
public record EmailMessage(String to, String subject, String text, String html, Map<String, String> headers) {
    public EmailMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        requireSingleLine(to);
        requireSingleLine(subject);
        headers.forEach((name, value) -> {
            requireSingleLine(name);
            requireSingleLine(value);
        });
    }

    private static void requireSingleLine(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == '\u0000') {
                throw new IllegalArgumentException("line break in an email header");
            }
        }
    }

    public List<String> recipients() {
        return List.of(to);
    }
}
