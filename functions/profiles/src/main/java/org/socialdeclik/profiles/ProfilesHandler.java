package org.socialdeclik.profiles;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.socialdeclik.shared.Json;
import org.socialdeclik.shared.api.ApiException;
import org.socialdeclik.shared.api.Fields;
import org.socialdeclik.shared.api.HttpFunction;
import org.socialdeclik.shared.api.HttpRequest;
import org.socialdeclik.shared.api.HttpResponse;
import org.socialdeclik.shared.api.Requests;
import org.socialdeclik.shared.app.AvailabilityService;
import org.socialdeclik.shared.app.Ids;
import org.socialdeclik.shared.app.ProfileService;
import org.socialdeclik.shared.app.RegisterProfile;
import org.socialdeclik.shared.app.UpdateProfile;
import org.socialdeclik.shared.aws.DynamoStore;
import org.socialdeclik.shared.app.VocabularyService;
import org.socialdeclik.shared.aws.Wiring;
import org.socialdeclik.shared.ports.VocabularyBook;
import org.socialdeclik.shared.config.Env;
import org.socialdeclik.shared.domain.Profile;
import org.socialdeclik.shared.domain.vocab.Term;
import org.socialdeclik.shared.domain.vocab.Vocabulary;
import org.socialdeclik.shared.ports.ProfileRecords;
import org.socialdeclik.shared.ports.StoredProfile;
import org.socialdeclik.shared.warmup.Priming;

/**
 * HTTP: a freelancer's whole journey: create and verify a profile, get a sign-in link, see,
 * export, edit and erase it, say "I'm interested", answer "still available?" (pause or resume),
 * unsubscribe (JSON or RFC 8058 one-click).
 */
public final class ProfilesHandler extends HttpFunction {
    private static final Set<String> TOKEN_FIELDS = Set.of("token");
    private static final Set<String> LINK_FIELDS = Set.of("email", "locale");

    private final ProfileService service;
    private final Clock clock;
    private final VocabularyService vocabulary;
    private final AvailabilityService availability;
    private Priming priming;
    private final Map<String, Route> routes = Map.of(
            "POST /profiles", this::register,
            "POST /profiles/verify", this::verify,
            "POST /auth/link", this::link,
            "GET /profiles/me", this::me,
            "PUT /profiles/me", this::update,
            "DELETE /profiles/me", this::erase,
            "POST /interests", this::interest,
            "POST /profiles/availability", this::availability,
            "POST /unsubscribe", this::unsubscribe);

    public ProfilesHandler() {
        this(System.getenv());
    }

    public ProfilesHandler(Map<String, String> env) {
        this(new Wiring(Env.of(env)));
        // SnapStart: validation, a token check and a read of an unknown address, before the snapshot
        priming = Priming.register("profiles", () -> {
            Priming.answered(handleRequest(Priming.http("POST /profiles", Map.of(), Priming.REFUSED_PROFILE), null));
            Priming.answered(handleRequest(Priming.http("POST /profiles/verify", Map.of(), "{\"token\":\"priming\"}"), null));
            Priming.answered(handleRequest(Priming.http("POST /auth/link", Map.of(),
                    "{\"email\":\"priming@invalid.example\"}"), null));
        });
    }

    private ProfilesHandler(Wiring wiring) {
        this(wiring, wiring.store(), availability(wiring, wiring.store()));
    }

    private ProfilesHandler(Wiring wiring, DynamoStore store, AvailabilityService availability) {
        this(wire(wiring, store, availability), new VocabularyService(wiring.vocabularyBook(), wiring.clock()), wiring.clock(),
                availability);
    }

    /**
     * {@code clock} tells the validation what today is; {@code vocabulary} counts the words no
     * term knew (null: not counted); {@code availability} answers "still available?" (null: not served).
     */
    public ProfilesHandler(ProfileService service, VocabularyService vocabulary, Clock clock, AvailabilityService availability) {
        this.service = service;
        this.vocabulary = vocabulary;
        this.clock = clock;
        this.availability = availability;
    }

    /** The words of a stored profile that no term knew, counted for the admins' desk. */
    private void noteUnknown(Profile profile) {
        if (vocabulary != null) {
            vocabulary.noteUnknown(VocabularyBook.Kind.SKILL, profile.skills(), "PROFILE#" + profile.id());
            vocabulary.noteUnknown(VocabularyBook.Kind.CAUSE, profile.causes(), "PROFILE#" + profile.id());
        }
    }

    /** The SnapStart priming this container registered (null when built from its collaborators). */
    Priming priming() {
        return priming;
    }

    private static AvailabilityService availability(Wiring wiring, DynamoStore store) {
        return new AvailabilityService(wiring.availability(), store.profiles(), wiring.tokens(), wiring.clock(),
                wiring.availabilityCheckAfter());
    }

    private static ProfileService wire(Wiring wiring, DynamoStore store, AvailabilityService availability) {
        return new ProfileService(store.profiles(), store.missions(), store.matches(), wiring.tokens(), wiring.clock(),
                wiring.missionActivity(), wiring.calendar(), Duration.ofDays(wiring.env().getInt("FOLLOW_UP_DAYS", 7)), availability);
    }

    @Override
    protected Map<String, Route> routes() {
        return routes;
    }

    /** One-click unsubscribe may come as a form (RFC 8058); it reads its own body. */
    @Override
    protected boolean expectsJsonBody(String routeKey) {
        return !routeKey.equals("POST /unsubscribe") && super.expectsJsonBody(routeKey);
    }

    private static String token(HttpRequest request) {
        JsonNode body = request.json();
        Fields f = new Fields(request.messages());
        f.allowOnly(body, "", TOKEN_FIELDS);
        String token = f.text(body, "", "token", true, 1024);
        f.throwIfAny();
        return token;
    }

    private HttpResponse register(HttpRequest request) {
        Profile profile = Requests.profile(Ids.newId(), null, request.json(), request.messages(), clock);
        service.register(new RegisterProfile(profile));
        noteUnknown(profile);
        return HttpResponse.json(202, Map.of("status", "PENDING_VERIFICATION"));
    }

    private HttpResponse verify(HttpRequest request) {
        ProfileService.Verified verified = service.verify(token(request));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("profileId", verified.profileId());
        answer.put("status", verified.status().name());
        answer.put("accessToken", verified.accessToken());
        answer.put("expiresAt", verified.expiresAt().toString());
        return HttpResponse.json(200, answer);
    }

    private HttpResponse link(HttpRequest request) {
        JsonNode body = request.json();
        Fields f = new Fields(request.messages());
        f.allowOnly(body, "", LINK_FIELDS);
        String email = f.email(body, "", "email", true);
        f.oneOf(body, "", "locale", false, Requests.LOCALES);
        f.throwIfAny();
        service.requestSignInLink(email);
        return HttpResponse.json(202, Map.of("status", "ACCEPTED"));
    }

    private HttpResponse me(HttpRequest request) {
        StoredProfile profile = service.signedIn(request.bearerToken());
        return HttpResponse.json(200, view(profile, service.records(profile)));
    }

    private HttpResponse update(HttpRequest request) {
        // the link is checked before the fields, so a stale link is reported as such
        StoredProfile owner = service.signedIn(request.bearerToken());
        Profile edited = Requests.profile(owner.profile().id(), owner.profile().email(), request.json(), request.messages(), clock);
        StoredProfile updated = service.update(new UpdateProfile(owner, edited, Requests.subscribed(request.json())));
        noteUnknown(edited);
        return HttpResponse.json(200, view(updated, service.records(updated)));
    }

    private HttpResponse erase(HttpRequest request) {
        service.erase(request.bearerToken());
        return HttpResponse.noContent();
    }

    private HttpResponse interest(HttpRequest request) {
        service.interest(token(request));
        return HttpResponse.json(202, Map.of("status", "ACCEPTED"));
    }

    /** "Still available?": the emailed link's token in the body, or the signed-in owner (from /me). */
    private HttpResponse availability(HttpRequest request) {
        JsonNode token = request.json().get("token");
        // the link is checked before the fields, so a stale link is reported as such
        StoredProfile owner = token != null && token.isTextual() ? availability.holder(token.textValue())
                : service.signedIn(request.bearerToken());
        AvailabilityAnswer answer = AvailabilityAnswer.parse(request, availability.today());
        StoredProfile after = availability.answer(owner, answer.answer(), answer.until());
        return HttpResponse.json(200, AvailabilityAnswer.view(after));
    }

    private HttpResponse unsubscribe(HttpRequest request) {
        String contentType = request.headers().getOrDefault("content-type", "").toLowerCase(Locale.ROOT);
        String token;
        if (isJson(contentType)) {
            JsonNode body;
            try {
                body = Json.parse(request.rawBody() == null ? "" : request.rawBody());
            } catch (Exception e) {
                body = null;
            }
            if (body == null || !body.isObject()) {
                throw new ApiException(400, request.messages().get("problem.validation.title"),
                        request.messages().get("problem.malformed.detail"));
            }
            token = token(new HttpRequest(request.routeKey(), request.pathParameters(), request.queryParameters(),
                    request.headers(), request.rawBody(), body, request.messages()));
        } else if (contentType.startsWith("application/x-www-form-urlencoded") || contentType.startsWith("multipart/form-data")) {
            String body = request.rawBody() == null ? "" : request.rawBody();
            if (!body.contains("List-Unsubscribe=One-Click") && !body.contains("One-Click")) {
                throw ApiException.validation(List.of(new org.socialdeclik.shared.domain.FieldError("List-Unsubscribe",
                        request.messages().get("field.required"))), request.messages());
            }
            token = request.queryParameters().get("token");
        } else {
            throw new ApiException(415, request.messages().get("problem.mediatype.title"),
                    request.messages().get("problem.mediatype.detail"));
        }
        if (token == null || token.isBlank()) {
            token = request.queryParameters().get("token");
        }
        if (token == null || token.isBlank()) {
            throw ApiException.validation(List.of(new org.socialdeclik.shared.domain.FieldError("token",
                    request.messages().get("field.required"))), request.messages());
        }
        service.unsubscribe(token);
        return HttpResponse.json(200, Map.of("status", "UNSUBSCRIBED"));
    }

    /** The profile as stored, with the skills and causes as the platform understood them. */
    static Map<String, Object> view(StoredProfile stored, ProfileRecords records) {
        Profile p = stored.profile();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", p.id());
        view.put("status", stored.status().name());
        view.put("email", p.email());
        view.put("firstName", p.firstName());
        view.put("lastName", p.lastName());
        putIfPresent(view, "headline", p.headline());
        putIfPresent(view, "bio", p.bio());
        putIfPresent(view, "portfolioUrl", p.portfolioUrl());
        view.put("skills", p.skills());
        view.put("causes", p.causes());
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("department", p.location().department());
        putIfPresent(location, "postalCode", p.location().postalCode());
        view.put("location", location);
        view.put("mobility", p.mobility().name());
        view.put("remote", p.remote());
        putIfPresent(view, "dailyRate", p.dailyRate());
        putIfPresent(view, "minimumRate", p.minimumRate());
        view.put("proBono", p.proBono());
        if (p.availability() != null) {
            Map<String, Object> availability = new LinkedHashMap<>();
            putIfPresent(availability, "daysPerMonth", p.availability().daysPerMonth());
            putIfPresent(availability, "from", p.availability().from() == null ? null : p.availability().from().toString());
            view.put("availability", availability);
        }
        view.put("languages", p.languages());
        view.put("locale", p.locale());
        view.put("consent", p.consent());
        view.put("proposalFrequency", p.proposalFrequency().name());
        view.putAll(AvailabilityAnswer.view(stored));
        view.put("subscribed", !stored.unsubscribed());
        view.put("unsubscribed", stored.unsubscribed());
        view.put("createdAt", stored.createdAt().toString());
        view.put("updatedAt", stored.updatedAt().toString());
        view.put("skillsUnderstood", understood(Vocabulary.skills(), p.skills(), p.locale()));
        view.put("causesUnderstood", understood(Vocabulary.causes(), p.causes(), p.locale()));
        java.util.Set<String> interested = new java.util.HashSet<>();
        records.interests().forEach(r -> interested.add(r.missionId()));
        List<Map<String, Object>> proposals = new ArrayList<>();
        for (ProfileRecords.Proposal r : records.proposals()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("missionId", r.missionId());
            putIfPresent(item, "title", r.title());
            item.put("proposedAt", r.proposedAt().toString());
            item.put("interested", interested.contains(r.missionId()));
            proposals.add(item);
        }
        view.put("proposals", proposals);
        view.put("interests", records.interests().stream()
                .map(r -> Map.of("missionId", r.missionId(), "expressedAt", r.expressedAt().toString())).toList());
        return view;
    }

    private static List<Map<String, Object>> understood(Vocabulary vocabulary, List<String> typed, String locale) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String word : typed) {
            Term term = vocabulary.understand(word);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("input", word);
            item.put("id", term.id());
            item.put("label", term.label(locale));
            item.put("known", term.known());
            out.add(item);
        }
        return out;
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
