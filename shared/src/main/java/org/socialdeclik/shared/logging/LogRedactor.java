package org.socialdeclik.shared.logging;

import java.util.regex.Pattern;

/**
 * Safety net applied to every logged message, MDC value, key-value value and exception message:
 * e-mail addresses become {@code [email]} and anything shaped like one of our tokens (two or more
 * base64url segments of at least 16 characters joined by a dot, JWTs included) becomes
 * {@code [token]}. Code should not log those in the first place; this catches the slips.
 *
 * <p>Patterns are compiled once, only run when the text holds an '@' (e-mail) or a '.' (token),
 * and each may only start at the beginning of a run of its characters, so a scan stays linear.
 */
final class LogRedactor {

    static final String EMAIL_MARK = "[email]";
    static final String TOKEN_MARK = "[token]";

    /**
     * Local part, '@', a domain ending in '.' and a letters-only top-level label; Unicode letters
     * too. Only character-class loops (no repeated groups): Java's regex engine recurses on each
     * repetition of a group, which overflows the stack on long input.
     */
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-][\\p{L}\\p{N}.-]*\\.\\p{L}{2,}");

    /**
     * base64url segments (optional '=' padding) of 16+ characters: two joined by a dot, or three
     * (a JWT). Bounded on purpose, for the same reason as above.
     */
    private static final Pattern TOKEN = Pattern.compile(
            "(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{16,}={0,2}\\.[A-Za-z0-9_-]{16,}={0,2}(?:\\.[A-Za-z0-9_-]{16,}={0,2})?");

    private LogRedactor() {
    }

    static String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        if (result.indexOf('@') >= 0) {
            result = EMAIL.matcher(result).replaceAll(EMAIL_MARK);
        }
        if (result.indexOf('.') >= 0) {
            result = TOKEN.matcher(result).replaceAll(TOKEN_MARK);
        }
        return result;
    }
}
