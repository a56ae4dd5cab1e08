package org.socialdeclik.shared.email;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A mailbox header value, {@code "Name" <address>}, as SES takes custom headers: printable ASCII
 * only, at most 870 characters. A name with other characters is written as RFC 2047 encoded
 * words (UTF-8, base64, each under the 75-character limit); one that would not fit is left out
 * and the bare address stays. Addresses are ASCII already (the edge accepts no other).
 */
public final class Mailbox {
    static final int MAX_HEADER = 870;
    /** Bytes of the name per encoded word: 45 bytes are 60 base64 characters, 72 with the frame. */
    private static final int CHUNK = 45;

    private Mailbox() {}

    public static String format(String name, String address) {
        String bare = "<" + address + ">";
        if (name == null || name.isBlank()) {
            return bare;
        }
        String display = plain(name) ? quoted(name) : encoded(name);
        String value = display + " " + bare;
        return value.length() <= MAX_HEADER ? value : bare;
    }

    private static boolean plain(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private static String quoted(String name) {
        return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String encoded(String name) {
        byte[] bytes = name.strip().getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        int start = 0;
        while (start < bytes.length) {
            int end = Math.min(bytes.length, start + CHUNK);
            while (end < bytes.length && (bytes[end] & 0xC0) == 0x80) {
                end--; // never split a character between two words
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append("=?UTF-8?B?")
                    .append(Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(bytes, start, end)))
                    .append("?=");
            start = end;
        }
        return out.toString();
    }
}
