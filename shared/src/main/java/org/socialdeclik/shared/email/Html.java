package org.socialdeclik.shared.email;

/** Escapes text for HTML bodies and attributes: user text never becomes markup. */
public final class Html {
    private Html() {}

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Escaped text with its line breaks kept as {@code <br>}. */
    public static String paragraphs(String text) {
        return escape(text).replace("\r\n", "\n").replace("\n", "<br>\n");
    }
}
