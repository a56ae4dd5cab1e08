package org.socialdeclik.shared.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.socialdeclik.shared.domain.vocab.Learning;
import org.socialdeclik.shared.logging.Invocation;
import org.socialdeclik.shared.Json;
import org.socialdeclik.shared.lambda.EventJson;
import org.socialdeclik.shared.ports.ConflictException;
import org.socialdeclik.shared.ports.NotFoundException;
import org.socialdeclik.shared.token.TokenException;

/**
 * The edge shared by every HTTP function: size, content type and JSON syntax are checked once
 * here, client mistakes become problem details, and nothing unexpected leaks as a stack trace.
 */
public abstract class HttpFunction implements RequestStreamHandler {
    public static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(HttpFunction.class);

    /** A route of this function. */
    @FunctionalInterface
    protected interface Route {
        HttpResponse handle(HttpRequest request);
    }

    /** Routes keyed by API Gateway route key, e.g. {@code POST /missions/{id}/review}. */
    protected abstract Map<String, Route> routes();

    /** Whether a route expects a JSON body (true for every POST and PUT unless overridden). */
    protected boolean expectsJsonBody(String routeKey) {
        return routeKey.startsWith("POST ") || routeKey.startsWith("PUT ");
    }

    /** What Lambda calls: the HTTP API's payload (format 2.0) in, the response's JSON out (see {@link EventJson}). */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        EventJson.write(handleRequest(EventJson.httpEvent(input), context), output);
    }

    /** The same, on an event already read: for callers in the same JVM (tests, priming). */
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try (Invocation ignored = Invocation.start(context)) {
            return respond(event);
        }
    }

    private APIGatewayV2HTTPResponse respond(APIGatewayV2HTTPEvent event) {
        String routeKey = event.getRouteKey();
        MDC.put("route", routeKey);
        Messages messages = Messages.forLocale(acceptLanguage(event.getHeaders()));
        HttpResponse response;
        Learning.refresh(); // the words the admins taught, read again when stale
        try {
            Route route = routes().get(routeKey);
            if (route == null) {
                throw ApiException.notFound(messages);
            }
            HttpRequest request = parse(event, routeKey, messages);
            response = route.handle(request);
        } catch (ApiException e) {
            response = HttpResponse.problem(e);
        } catch (TokenException e) {
            boolean forbidden = e.kind() == TokenException.Kind.WRONG_PURPOSE || e.kind() == TokenException.Kind.WRONG_SUBJECT;
            response = HttpResponse.problem(forbidden ? ApiException.forbidden(messages) : ApiException.unauthorized(messages));
        } catch (NotFoundException e) {
            response = HttpResponse.problem(ApiException.notFound(messages));
        } catch (ConflictException e) {
            response = HttpResponse.problem(ApiException.conflict(messages, e.reason()));
        } catch (RuntimeException e) {
            LOG.error("request failed: {}", e.getClass().getName(), e);
            response = HttpResponse.problem(500, messages.get("problem.internal.title"),
                    messages.get("problem.internal.detail"), java.util.List.of());
        }
        LOG.info("answered {}", response.status());
        return toGateway(response);
    }

    private HttpRequest parse(APIGatewayV2HTTPEvent event, String routeKey, Messages messages) {
        Map<String, String> headers = lowerCase(event.getHeaders());
        String body = event.getBody();
        if (body != null && event.getIsBase64Encoded()) {
            try {
                body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new ApiException(400, messages.get("problem.validation.title"), messages.get("problem.malformed.detail"));
            }
        }
        if (body != null && body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            throw new ApiException(413, messages.get("problem.toolarge.title"), messages.get("problem.toolarge.detail"));
        }
        JsonNode json = null;
        if (expectsJsonBody(routeKey)) {
            String contentType = headers.getOrDefault("content-type", "");
            if (!isJson(contentType)) {
                throw new ApiException(415, messages.get("problem.mediatype.title"), messages.get("problem.mediatype.detail"));
            }
            json = readJson(body, messages);
            JsonNode locale = json.get("locale");
            if (locale != null && locale.isTextual()) {
                messages = Messages.forLocale(locale.textValue());
            }
        }
        return new HttpRequest(routeKey,
                event.getPathParameters() == null ? Map.of() : event.getPathParameters(),
                event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters(),
                headers, body, json, messages);
    }

    protected static boolean isJson(String contentType) {
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json");
    }

    private static JsonNode readJson(String body, Messages messages) {
        if (body == null || body.isBlank()) {
            throw new ApiException(400, messages.get("problem.validation.title"), messages.get("problem.malformed.detail"));
        }
        try {
            JsonNode node = Json.parse(body);
            if (node == null || !node.isObject()) {
                throw new ApiException(400, messages.get("problem.validation.title"), messages.get("problem.malformed.detail"));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ApiException(400, messages.get("problem.validation.title"), messages.get("problem.malformed.detail"));
        }
    }

    private static String acceptLanguage(Map<String, String> headers) {
        if (headers == null) {
            return "fr";
        }
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase("accept-language") && e.getValue() != null
                    && e.getValue().strip().toLowerCase(Locale.ROOT).startsWith("en")) {
                return "en";
            }
        }
        return "fr";
    }

    private static Map<String, String> lowerCase(Map<String, String> headers) {
        Map<String, String> out = new HashMap<>();
        if (headers != null) {
            headers.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
        }
        return out;
    }

    private static APIGatewayV2HTTPResponse toGateway(HttpResponse response) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Cache-Control", "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        if (response.contentType() != null) {
            headers.put("Content-Type", response.contentType());
        }
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(headers)
                .withBody(response.body())
                .withIsBase64Encoded(false)
                .build();
    }
}
