package org.socialdeclik.local;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP API's CorsConfiguration, applied as API Gateway does: it answers preflight requests
 * itself and adds the CORS headers to responses for allowed origins. The local web app's origin
 * is always allowed, since locally it stands where the deployed web app does.
 */
record Cors(List<String> allowOrigins, List<String> allowMethods, List<String> allowHeaders,
        List<String> exposeHeaders, Integer maxAge, boolean allowCredentials) {

    /** From the resolved CorsConfiguration ({@code true} or a mapping), or null when there is none. */
    static Cors from(Object configuration, List<String> localOrigins) {
        if (configuration == null || Boolean.FALSE.equals(configuration)) {
            return null;
        }
        if (Boolean.TRUE.equals(configuration) || "true".equals(configuration)) {
            return new Cors(List.of("*"), List.of("*"), List.of("*"), List.of(), null, false);
        }
        Map<String, Object> map = SamTemplate.map(configuration, "CorsConfiguration");
        List<String> origins = new ArrayList<>();
        for (String origin : strings(map.get("AllowOrigins"))) {
            origins.add(origin(origin));
        }
        for (String local : localOrigins) {
            if (!origins.contains(local)) {
                origins.add(local);
            }
        }
        Object maxAge = map.get("MaxAge");
        return new Cors(List.copyOf(origins), strings(map.get("AllowMethods")), strings(map.get("AllowHeaders")),
                strings(map.get("ExposeHeaders")), maxAge == null ? null : Integer.valueOf(maxAge.toString().trim()),
                Boolean.parseBoolean(String.valueOf(map.get("AllowCredentials"))));
    }

    /** scheme://host[:port] of a URL, as browsers send it in Origin. */
    static String origin(String url) {
        if (url.equals("*")) {
            return url;
        }
        try {
            URI uri = URI.create(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return url.trim();
            }
            return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                    + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
        } catch (IllegalArgumentException e) {
            return url.trim();
        }
    }

    boolean allows(String origin) {
        return origin != null && (allowOrigins.contains("*") || allowOrigins.contains(origin(origin)));
    }

    /** Headers of the answer to a preflight request from an allowed origin. */
    Map<String, String> preflight(String origin, String requestMethod, String requestHeaders) {
        Map<String, String> headers = new LinkedHashMap<>(actual(origin));
        headers.remove("access-control-expose-headers");
        if (allowMethods.contains("*")) {
            headers.put("access-control-allow-methods", requestMethod == null ? "*" : requestMethod);
        } else if (!allowMethods.isEmpty()) {
            headers.put("access-control-allow-methods", String.join(",", allowMethods));
        }
        if (allowHeaders.contains("*")) {
            if (requestHeaders != null) {
                headers.put("access-control-allow-headers", requestHeaders);
            }
        } else if (!allowHeaders.isEmpty()) {
            headers.put("access-control-allow-headers", String.join(",", allowHeaders));
        }
        if (maxAge != null) {
            headers.put("access-control-max-age", String.valueOf(maxAge));
        }
        return headers;
    }

    /** Headers added to an actual response for an allowed origin. */
    Map<String, String> actual(String origin) {
        Map<String, String> headers = new LinkedHashMap<>();
        boolean wildcard = allowOrigins.contains("*") && !allowCredentials;
        headers.put("access-control-allow-origin", wildcard ? "*" : origin);
        if (!wildcard) {
            headers.put("vary", "Origin");
        }
        if (allowCredentials) {
            headers.put("access-control-allow-credentials", "true");
        }
        if (!exposeHeaders.isEmpty()) {
            headers.put("access-control-expose-headers", String.join(",", exposeHeaders));
        }
        return headers;
    }

    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            List<String> strings = new ArrayList<>();
            for (Object item : list) {
                strings.add(String.valueOf(item).trim());
            }
            return List.copyOf(strings);
        }
        List<String> strings = new ArrayList<>();
        for (String item : value.toString().split(",")) {
            strings.add(item.trim());
        }
        return List.copyOf(strings);
    }
}
