package org.socialdeclik.shared.api;

import java.util.List;
import org.socialdeclik.shared.domain.Conflict;
import org.socialdeclik.shared.domain.FieldError;

/** A client-facing failure: becomes an RFC 9457 problem details answer with this status. */
public class ApiException extends RuntimeException {
    private final int status;
    private final String title;
    private final List<FieldError> errors;

    public ApiException(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public ApiException(int status, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }

    public static ApiException validation(List<FieldError> errors, Messages messages) {
        return new ApiException(400, messages.get("problem.validation.title"),
                messages.get("problem.validation.detail"), errors);
    }

    public static ApiException notFound(Messages messages) {
        return new ApiException(404, messages.get("problem.notfound.title"), messages.get("problem.notfound.detail"));
    }

    /** 409, with the message that says why the state forbids the action. */
    public static ApiException conflict(Messages messages, Conflict reason) {
        String detailKey = switch (reason) {
            case ALREADY_REVIEWED -> "problem.conflict.reviewed";
            case ALREADY_CLOSED -> "problem.conflict.closed";
            case CHANGED_MEANWHILE -> "problem.conflict.concurrent";
            case MISSION_NOT_OPEN -> "problem.conflict.missionClosed";
            case ALREADY_VERIFIED -> "problem.conflict.verified";
        };
        return new ApiException(409, messages.get("problem.conflict.title"), messages.get(detailKey));
    }

    public static ApiException unauthorized(Messages messages) {
        return new ApiException(401, messages.get("problem.unauthorized.title"), messages.get("problem.unauthorized.detail"));
    }

    public static ApiException forbidden(Messages messages) {
        return new ApiException(403, messages.get("problem.forbidden.title"), messages.get("problem.forbidden.detail"));
    }
}
