package org.socialdeclik.local;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The routes of an HTTP API, matched as API Gateway does: {@code {name}} matches one path segment,
 * a final {@code {name+}} the rest of the path, {@code ANY} every method, {@code $default} what
 * nothing else matches; the most specific route wins (literal segments over parameters).
 */
final class Routes<T> {
    private final List<Route<T>> routes = new ArrayList<>();

    void add(String method, String path, T target) {
        Route<T> route = Route.parse(method, path, target);
        for (Route<T> existing : routes) {
            if (existing.routeKey().equals(route.routeKey())) {
                throw new TemplateException("Route " + route.routeKey() + " is declared twice");
            }
        }
        routes.add(route);
        routes.sort(Route.SPECIFIC_FIRST);
    }

    List<Route<T>> all() {
        return List.copyOf(routes);
    }

    Optional<Match<T>> match(String method, String rawPath) {
        List<String> segments = splitPath(rawPath);
        String verb = method.toUpperCase(Locale.ROOT);
        for (Route<T> route : routes) {
            if (!route.method().equals("ANY") && !route.method().equals(verb)) {
                continue;
            }
            Map<String, String> parameters = route.match(segments);
            if (parameters != null) {
                return Optional.of(new Match<>(route, parameters));
            }
        }
        return Optional.empty();
    }

    static List<String> splitPath(String rawPath) {
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        List<String> segments = new ArrayList<>();
        for (String segment : path.substring(1).split("/", -1)) {
            segments.add(segment);
        }
        if (segments.size() == 1 && segments.get(0).isEmpty()) {
            segments.clear();
        }
        return segments;
    }

    static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    record Match<T>(Route<T> route, Map<String, String> pathParameters) {
        T target() {
            return route.target();
        }
    }

    record Route<T>(String method, String path, List<String> segments, boolean greedy, boolean catchAll, T target) {
        static final Comparator<Route<?>> SPECIFIC_FIRST = Route::compareSpecificity;

        static <T> Route<T> parse(String method, String path, T target) {
            String verb = method.toUpperCase(Locale.ROOT);
            if (path.equals(SamTemplate.HttpRoute.DEFAULT_ROUTE)) {
                return new Route<>("ANY", path, List.of(), false, true, target);
            }
            if (!path.startsWith("/")) {
                throw new TemplateException("Route path must start with '/': " + path);
            }
            List<String> segments = Routes.splitPath(path);
            boolean greedy = false;
            for (int i = 0; i < segments.size(); i++) {
                String segment = segments.get(i);
                if (segment.startsWith("{") && segment.endsWith("+}")) {
                    if (i != segments.size() - 1) {
                        throw new TemplateException("Greedy parameter must be last in " + path);
                    }
                    greedy = true;
                }
            }
            return new Route<>(verb, path, List.copyOf(segments), greedy, false, target);
        }

        String routeKey() {
            return catchAll ? SamTemplate.HttpRoute.DEFAULT_ROUTE : method + " " + path;
        }

        Map<String, String> match(List<String> request) {
            if (catchAll) {
                return Map.of();
            }
            int fixed = greedy ? segments.size() - 1 : segments.size();
            if (greedy ? request.size() <= fixed : request.size() != fixed) {
                return null;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int i = 0; i < fixed; i++) {
                String pattern = segments.get(i);
                String actual = request.get(i);
                if (isParameter(pattern)) {
                    if (actual.isEmpty()) {
                        return null;
                    }
                    parameters.put(pattern.substring(1, pattern.length() - 1), decode(actual));
                } else if (!pattern.equals(decode(actual))) {
                    return null;
                }
            }
            if (greedy) {
                String last = segments.get(fixed);
                List<String> rest = new ArrayList<>();
                for (String segment : request.subList(fixed, request.size())) {
                    rest.add(decode(segment));
                }
                parameters.put(last.substring(1, last.length() - 2), String.join("/", rest));
            }
            return parameters;
        }

        private static boolean isParameter(String segment) {
            return segment.startsWith("{") && segment.endsWith("}") && !segment.endsWith("+}");
        }

        private static int compareSpecificity(Route<?> a, Route<?> b) {
            if (a.catchAll != b.catchAll) {
                return a.catchAll ? 1 : -1;
            }
            if (a.greedy != b.greedy) {
                return a.greedy ? 1 : -1;
            }
            int common = Math.min(a.segments.size(), b.segments.size());
            for (int i = 0; i < common; i++) {
                boolean aLiteral = !a.segments.get(i).startsWith("{");
                boolean bLiteral = !b.segments.get(i).startsWith("{");
                if (aLiteral != bLiteral) {
                    return aLiteral ? -1 : 1;
                }
            }
            if (a.segments.size() != b.segments.size()) {
                return Integer.compare(b.segments.size(), a.segments.size());
            }
            boolean aAny = a.method.equals("ANY");
            boolean bAny = b.method.equals("ANY");
            if (aAny != bAny) {
                return aAny ? 1 : -1;
            }
            return a.routeKey().compareTo(b.routeKey());
        }
    }
}
