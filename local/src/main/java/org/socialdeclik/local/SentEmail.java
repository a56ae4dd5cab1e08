package org.socialdeclik.local;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One email that SES (the emulator) accepted, as {@code GET /_local/emails} shows it. */
public record SentEmail(String messageId, String from, List<String> to, String subject, String text,
        String html, Map<String, String> headers, Instant sentAt) {

    public SentEmail {
        to = List.copyOf(to);
        headers = Map.copyOf(headers);
    }

    /** The header value, whatever the case of its name. */
    public String header(String name) {
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("messageId", messageId);
        json.put("from", from);
        json.put("to", to);
        json.put("subject", subject);
        json.put("text", text);
        json.put("html", html);
        json.put("headers", new java.util.TreeMap<>(headers));
        json.put("sentAt", sentAt.toString());
        return json;
    }
}
