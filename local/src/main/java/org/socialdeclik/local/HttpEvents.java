package org.socialdeclik.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What API Gateway (HTTP API, payload format 2.0) hands a function for a request, and how it turns
 * the function's answer into the HTTP response.
 */
final class HttpEvents {
    static final String ACCOUNT_ID = "123456789012";
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    private HttpEvents() {
    }

    /** An HTTP request as it arrived: header names as sent, in order, repeated names kept. */
    record Request(String method, String rawPath, String rawQuery, List<Map.Entry<String, String>> headers,
            byte[] body, String sourceIp, int localPort) {
    }

    /** What to write back. */
    record Response(int status, Map<String, List<String>> headers, byte[] body) {
    }

    static APIGatewayV2HTTPEvent toEvent(Request request, String routeKey, Map<String, String> pathParameters,
            String requestId, Instant now) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        for (Map.Entry<String, String> header : request.headers()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("cookie")) {
                for (String cookie : header.getValue().split(";")) {
                    if (!cookie.isBlank()) {
                        cookies.add(cookie.trim());
                    }
                }
                continue;
            }
            headers.merge(name, header.getValue(), (a, b) -> a + "," + b);
        }
        headers.putIfAbsent("x-forwarded-for", request.sourceIp());
        headers.putIfAbsent("x-forwarded-proto", "http");
        headers.putIfAbsent("x-forwarded-port", String.valueOf(request.localPort()));
        String host = headers.getOrDefault("host", "127.0.0.1:" + request.localPort());
        String domain = host.contains(":") ? host.substring(0, host.indexOf(':')) : host;

        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setVersion("2.0");
        event.setRouteKey(routeKey);
        event.setRawPath(request.rawPath());
        event.setRawQueryString(request.rawQuery() == null ? "" : request.rawQuery());
        event.setCookies(cookies.isEmpty() ? null : cookies);
        event.setHeaders(headers);
        event.setQueryStringParameters(queryParameters(request.rawQuery()));
        event.setPathParameters(pathParameters == null || pathParameters.isEmpty() ? null : pathParameters);
        byte[] body = request.body();
        if (body == null || body.length == 0) {
            event.setBody(null);
            event.setIsBase64Encoded(false);
        } else {
            String text = isText(headers.get("content-type")) ? utf8(body) : null;
            event.setBody(text != null ? text : Base64.getEncoder().encodeToString(body));
            event.setIsBase64Encoded(text == null);
        }
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(request.method().toUpperCase(Locale.ROOT));
        http.setPath(request.rawPath());
        http.setProtocol("HTTP/1.1");
        http.setSourceIp(request.sourceIp());
        http.setUserAgent(headers.getOrDefault("user-agent", ""));
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setAccountId(ACCOUNT_ID);
        context.setApiId("local");
        context.setDomainName(domain);
        context.setDomainPrefix(domain.contains(".") ? domain.substring(0, domain.indexOf('.')) : domain);
        context.setHttp(http);
        context.setRequestId(requestId);
        context.setRouteKey(routeKey);
        context.setStage("$default");
        context.setTime(REQUEST_TIME.format(now));
        context.setTimeEpoch(now.toEpochMilli());
        event.setRequestContext(context);
        return event;
    }

    static Map<String, String> queryParameters(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decodeQuery(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decodeQuery(pair.substring(eq + 1));
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters.isEmpty() ? null : parameters;
    }

    private static String decodeQuery(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /** Content types API Gateway passes as text; anything else arrives base64-encoded. */
    static boolean isText(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        int semicolon = type.indexOf(';');
        if (semicolon >= 0) {
            type = type.substring(0, semicolon);
        }
        type = type.trim();
        return type.startsWith("text/") || type.endsWith("/json") || type.endsWith("+json")
                || type.endsWith("/xml") || type.endsWith("+xml") || type.equals("application/x-www-form-urlencoded")
                || type.equals("application/javascript") || type.equals("application/graphql");
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The HTTP response for what a function returned (payload format 2.0 rules). */
    static Response toResponse(Object result) {
        if (result instanceof APIGatewayV2HTTPResponse response) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            if (response.getMultiValueHeaders() != null) {
                response.getMultiValueHeaders().forEach((name, values) ->
                        headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(values));
            }
            if (response.getHeaders() != null) {
                response.getHeaders().forEach((name, value) -> {
                    if (value != null) {
                        headers.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(List.of(value)));
                    }
                });
            }
            if (response.getCookies() != null && !response.getCookies().isEmpty()) {
                headers.computeIfAbsent("set-cookie", k -> new ArrayList<>()).addAll(response.getCookies());
            }
            String body = response.getBody();
            byte[] bytes = body == null ? new byte[0]
                    : response.getIsBase64Encoded() ? Base64.getDecoder().decode(body)
                    : body.getBytes(StandardCharsets.UTF_8);
            int status = response.getStatusCode() == 0 ? 200 : response.getStatusCode();
            return new Response(status, headers, bytes);
        }
        // Anything else is, for API Gateway, a 200 JSON body.
        byte[] body = result instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : LocalMapper.bytes(result);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("content-type", new ArrayList<>(List.of("application/json")));
        return new Response(200, headers, body);
    }

    static Response problem(int status, String title, String detail) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("content-type", new ArrayList<>(List.of("application/problem+json")));
        return new Response(status, headers, LocalMapper.bytes(LocalMapper.problem(status, title, detail)));
    }

    static Response json(int status, Object body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("content-type", new ArrayList<>(List.of("application/json; charset=utf-8")));
        return new Response(status, headers, LocalMapper.bytes(body));
    }
}
