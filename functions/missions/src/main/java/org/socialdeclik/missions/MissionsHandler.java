package org.socialdeclik.missions;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.socialdeclik.shared.api.Fields;
import org.socialdeclik.shared.api.HttpFunction;
import org.socialdeclik.shared.api.HttpRequest;
import org.socialdeclik.shared.api.HttpResponse;
import org.socialdeclik.shared.api.Requests;
import org.socialdeclik.shared.app.AdminService;
import org.socialdeclik.shared.app.Ids;
import org.socialdeclik.shared.app.MissionService;
import org.socialdeclik.shared.app.ReviewMission;
import org.socialdeclik.shared.app.StatsService;
import org.socialdeclik.shared.app.SubmitMission;
import org.socialdeclik.shared.domain.vocab.Places;
import org.socialdeclik.shared.app.VocabularyService;
import org.socialdeclik.shared.ports.VocabularyBook;
import org.socialdeclik.shared.aws.Wiring;
import org.socialdeclik.shared.config.Env;
import org.socialdeclik.shared.domain.Mission;
import org.socialdeclik.shared.domain.MissionOutcome;
import org.socialdeclik.shared.domain.MissionStatus;
import org.socialdeclik.shared.ports.MissionActivity;
import org.socialdeclik.shared.ports.StoredMission;
import org.socialdeclik.shared.token.Tokens;
import org.socialdeclik.shared.warmup.Priming;

/** HTTP: submit a mission, review it, close it, read a published one. */
public final class MissionsHandler extends HttpFunction {
    private static final Set<String> REVIEW_FIELDS = Set.of("token", "decision", "reason");

    private final MissionService service;
    private final AdminRoutes admin;
    private final VocabularyService vocabulary;
    private final Clock clock;
    private Priming priming;
    private final Map<String, Route> routes;

    public MissionsHandler() {
        this(System.getenv());
    }

    public MissionsHandler(Map<String, String> env) {
        this(new Wiring(Env.of(env)));
        // SnapStart: validation, problem details and a table read, before the snapshot
        priming = Priming.register("missions", () -> {
            // a whole mission, refused for its one field a client may not send: every field is checked
            Priming.answered(handleRequest(Priming.http("POST /missions", Map.of(), Priming.UNMATCHABLE_MISSION), null));
            Priming.answered(handleRequest(Priming.http("GET /missions/{id}", Map.of("id", Priming.absentId()), null), null));
        });
    }

    private MissionsHandler(Wiring wiring) {
        this(wiring, wiring.tokens());
    }

    private MissionsHandler(Wiring wiring, Tokens tokens) {
        this(new MissionService(wiring.store().missions(), tokens, wiring.clock(), wiring.moderation(),
                wiring.missionActivity()), new AdminService(wiring.adminDesk(), wiring.missionActivity(), tokens,
                wiring.adminEmails(), wiring.clock()), new VocabularyService(wiring.vocabularyBook(), wiring.clock()),
                new StatsService(wiring.stats(), Places.france()), wiring.clock());
    }

    /** {@code clock} tells the validation what today is (a start date may not be past). */
    public MissionsHandler(MissionService service, AdminService admins, VocabularyService vocabulary, StatsService stats,
                           Clock clock) {
        this.service = service;
        this.vocabulary = vocabulary;
        this.admin = new AdminRoutes(admins, vocabulary, stats);
        this.clock = clock;
        this.routes = Map.of(
                "POST /missions", this::submit,
                "POST /missions/{id}/review", this::review,
                "POST /missions/{id}/close", this::close,
                "GET /missions/{id}", this::show,
                "POST /admin/link", admin::link,
                "GET /admin/missions", admin::missions,
                "GET /admin/vocabulary/unknown", admin::unknownWords,
                "GET /admin/stats", admin::stats,
                "POST /admin/vocabulary", admin::teach,
                "GET /vocabulary", admin::addedTerms);
    }

    /** The SnapStart priming this container registered (null when built from its collaborators). */
    Priming priming() {
        return priming;
    }

    @Override
    protected Map<String, Route> routes() {
        return routes;
    }

    private HttpResponse submit(HttpRequest request) {
        SubmitMission command = new SubmitMission(Requests.mission(Ids.newId(), request.json(), request.messages(), clock));
        MissionService.Submitted submitted = service.submit(command);
        // the words no term knew are counted for the admins' desk
        vocabulary.noteUnknown(VocabularyBook.Kind.SKILL, command.mission().skills(), "MISSION#" + submitted.id());
        vocabulary.noteUnknown(VocabularyBook.Kind.CAUSE, command.mission().causes(), "MISSION#" + submitted.id());
        return HttpResponse.json(202, Map.of("id", submitted.id(), "status", submitted.status().name()));
    }

    private enum Decision { APPROVE, REJECT }

    private HttpResponse review(HttpRequest request) {
        JsonNode body = request.json();
        Fields f = new Fields(request.messages());
        f.allowOnly(body, "", REVIEW_FIELDS);
        // the admins' desk sends its admin token as the bearer, in place of the emailed review token
        boolean fromDesk = request.bearerToken() != null;
        String token = f.text(body, "", "token", !fromDesk, 1024);
        Decision decision = f.enumValue(body, "", "decision", true, Decision.class);
        String reason = f.text(body, "", "reason", false, 1000, true);
        f.throwIfAny();
        String id = request.pathParameter("id");
        StoredMission reviewed = fromDesk && token == null
                ? service.review(admin.session(request), id, decision == Decision.APPROVE, reason)
                : service.review(new ReviewMission(id, token, decision == Decision.APPROVE, reason));
        return HttpResponse.json(200, Map.of("id", reviewed.mission().id(), "status", reviewed.status().name()));
    }

    private static final Set<String> CLOSE_FIELDS = Set.of("token", "outcome");

    /** What an organisation may say when it closes its mission (EXPIRED is the platform's own). */
    private enum ClosingOutcome { FILLED_HERE, FILLED_ELSEWHERE, CANCELLED }

    private HttpResponse close(HttpRequest request) {
        JsonNode body = request.json();
        Fields f = new Fields(request.messages());
        f.allowOnly(body, "", CLOSE_FIELDS);
        String token = f.text(body, "", "token", true, 1024);
        ClosingOutcome said = f.enumValue(body, "", "outcome", false, ClosingOutcome.class);
        f.throwIfAny();
        StoredMission closed = service.close(request.pathParameter("id"), token,
                said == null ? null : MissionOutcome.valueOf(said.name()));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", closed.mission().id());
        answer.put("status", closed.status().name());
        if (closed.outcome() != null) {
            answer.put("outcome", closed.outcome().name());
        }
        return HttpResponse.json(200, answer);
    }

    /**
     * Anyone sees a published mission without the organisation's email. With
     * {@code Authorization: Bearer <review or management token of this mission>}, the admin and
     * the organisation see it in any state, email included (the review and manage pages).
     */
    private HttpResponse show(HttpRequest request) {
        String token = request.bearerToken();
        if (token == null) {
            return HttpResponse.json(200, publicView(service.published(request.pathParameter("id"))));
        }
        StoredMission stored = service.forLinkHolder(request.pathParameter("id"), token);
        Map<String, Object> view = publicView(stored);
        @SuppressWarnings("unchecked")
        Map<String, Object> organization = (Map<String, Object>) view.get("organization");
        organization.put("email", stored.mission().organization().email());
        MissionActivity.Counts counts = service.counts(stored.mission().id());
        view.put("proposedCount", counts.proposed());
        view.put("interestCount", counts.interested());
        if (stored.status() == MissionStatus.CLOSED && stored.outcome() != null) {
            view.put("outcome", stored.outcome().name());
        }
        return HttpResponse.json(200, view);
    }

    /** The mission as anyone may see it: everything but the organisation's email. */
    static Map<String, Object> publicView(StoredMission stored) {
        Mission m = stored.mission();
        Map<String, Object> organization = new LinkedHashMap<>();
        organization.put("name", m.organization().name());
        organization.put("type", m.organization().type().name());
        if (m.organization().website() != null) {
            organization.put("website", m.organization().website());
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", m.id());
        view.put("status", stored.status().name());
        view.put("title", m.title());
        view.put("description", m.description());
        view.put("organization", organization);
        view.put("skills", m.skills());
        view.put("causes", m.causes());
        if (m.location() != null) {
            Map<String, Object> location = new LinkedHashMap<>();
            location.put("department", m.location().department());
            if (m.location().postalCode() != null) {
                location.put("postalCode", m.location().postalCode());
            }
            view.put("location", location);
        }
        view.put("workMode", m.workMode().name());
        view.put("budget", m.budget());
        view.put("estimatedDays", m.estimatedDays());
        view.put("proBono", m.proBono());
        view.put("startDate", m.startDate().toString());
        if (m.applicationDeadline() != null) {
            view.put("applicationDeadline", m.applicationDeadline().toString());
        }
        view.put("locale", m.locale());
        view.put("createdAt", stored.createdAt().toString());
        return view;
    }
}
