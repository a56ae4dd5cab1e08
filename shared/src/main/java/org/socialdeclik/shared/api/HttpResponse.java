package org.socialdeclik.shared.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.socialdeclik.shared.Json;
import org.socialdeclik.shared.domain.FieldError;

/** An answer of the API before it is mapped to API Gateway's response type. */
public record HttpResponse(int status, String contentType, String body) {

    public static HttpResponse json(int status, Object value) {
        return new HttpResponse(status, "application/json; charset=utf-8", Json.write(value));
    }

    public static HttpResponse noContent() {
        return new HttpResponse(204, null, null);
    }

    public static HttpResponse problem(ApiException e) {
        return problem(e.status(), e.title(), e.detail(), e.errors());
    }

    public static HttpResponse problem(int status, String title, String detail, List<FieldError> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (!errors.isEmpty()) {
            List<Map<String, String>> fields = new ArrayList<>(errors.size());
            for (FieldError error : errors) {
                Map<String, String> field = new LinkedHashMap<>();
                field.put("field", error.field());
                field.put("message", error.message());
                fields.add(field);
            }
            body.put("errors", fields);
        }
        return new HttpResponse(status, "application/problem+json; charset=utf-8", Json.write(body));
    }
}
