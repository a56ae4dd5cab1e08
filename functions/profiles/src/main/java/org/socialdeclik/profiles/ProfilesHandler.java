package org.socialdeclik.profiles;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.socialdeclik.shared.api.Fields;
import org.socialdeclik.shared.api.HttpFunction;
import org.socialdeclik.shared.api.HttpRequest;
import org.socialdeclik.shared.api.HttpResponse;
import org.socialdeclik.shared.app.ProfileService;
import org.socialdeclik.shared.aws.Wiring;
import org.socialdeclik.shared.config.Env;

/** HTTP: create a profile (double opt-in) and verify it. */
public final class ProfilesHandler extends HttpFunction {
    private static final Set<String> TOKEN_FIELDS = Set.of("token");

    private final ProfileService service;
    private final Map<String, Route> routes = Map.of(
            "POST /profiles", this::register,
            "POST /profiles/verify", this::verify);

    public ProfilesHandler() {
        this(System.getenv());
    }

    public ProfilesHandler(Map<String, String> env) {
        this(wire(new Wiring(Env.of(env))));
    }

    public ProfilesHandler(ProfileService service) {
        this.service = service;
    }

    private static ProfileService wire(Wiring wiring) {
        return new ProfileService(wiring.store(), wiring.tokens(), Clock.systemUTC());
    }

    @Override
    protected Map<String, Route> routes() {
        return routes;
    }

    private HttpResponse register(HttpRequest request) {
        service.register(request.json(), request.messages());
        return HttpResponse.json(202, Map.of("status", "PENDING_VERIFICATION"));
    }

    private HttpResponse verify(HttpRequest request) {
        JsonNode body = request.json();
        Fields f = new Fields(request.messages());
        f.allowOnly(body, "", TOKEN_FIELDS);
        String token = f.text(body, "", "token", true, 1024);
        f.throwIfAny();
        ProfileService.Verified verified = service.verify(token);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("profileId", verified.profileId());
        answer.put("status", verified.status().name());
        answer.put("accessToken", verified.accessToken());
        answer.put("expiresAt", verified.expiresAt().toString());
        return HttpResponse.json(200, answer);
    }
}
