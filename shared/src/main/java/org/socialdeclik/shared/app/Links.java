package org.socialdeclik.shared.app;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The links emails carry: pages of the web app, and the API's one-click unsubscribe URL. */
public record Links(String webBaseUrl, String apiBaseUrl) {
    public Links {
        webBaseUrl = trimSlash(webBaseUrl);
        apiBaseUrl = trimSlash(apiBaseUrl);
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public String page(String path, String token) {
        return webBaseUrl + path + "?token=" + enc(token);
    }

    public String missionPage(String path, String missionId, String token) {
        return webBaseUrl + path + "?mission=" + enc(missionId) + "&token=" + enc(token);
    }

    /** The "still available?" page with the answer its button gives ({@code AVAILABLE} or {@code PAUSE}). */
    public String availability(String answer, String token) {
        return webBaseUrl + "/availability?answer=" + enc(answer) + "&token=" + enc(token);
    }

    public String oneClickUnsubscribe(String token) {
        return apiBaseUrl + "/unsubscribe?token=" + enc(token);
    }
}
