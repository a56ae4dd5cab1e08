package org.socialdeclik.missions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.socialdeclik.shared.api.ApiException;
import org.socialdeclik.shared.api.Fields;
import org.socialdeclik.shared.api.HttpRequest;
import org.socialdeclik.shared.api.HttpResponse;
import org.socialdeclik.shared.api.Requests;
import org.socialdeclik.shared.app.AdminService;
import org.socialdeclik.shared.app.AdminSession;
import org.socialdeclik.shared.app.StatsService;
import org.socialdeclik.shared.app.VocabularyService;
import org.socialdeclik.shared.domain.FieldError;
import org.socialdeclik.shared.domain.MissionStatus;
import org.socialdeclik.shared.token.TokenException;

/**
 * The admins' desk over HTTP: {@code POST /admin/link} (202 whoever asks) and the calls that
 * take {@code Authorization: Bearer <admin token>}, where anything but a valid admin token of a
 * current admin is 401 (another kind of token too: the desk does not say what a token is for).
 */
final class AdminRoutes {
    private static final Set<String> LINK_FIELDS = Set.of("email", "locale");
    /** The queues an admin lists. */
    static final List<MissionStatus> QUEUES = List.of(MissionStatus.PENDING_REVIEW, MissionStatus.PUBLISHED,
            MissionStatus.CLOSED);

    private final AdminService admins;
    private final VocabularyRoutes vocabulary;
    private final StatsService stats;

    AdminRoutes(AdminService admins, VocabularyService vocabulary, StatsService stats) {
        this.admins = admins;
        this.vocabulary = new VocabularyRoutes(vocabulary);
        this.stats = stats;
    }

    /** The platform's pulse: counts kept from the stream, read in one query. */
    HttpResponse stats(HttpRequest request) {
        StatsService.Stats s = stats.read(session(request));
        Map<String, Object> missions = new java.util.LinkedHashMap<>();
        missions.put("submitted", s.submitted());
        missions.put("published", s.published());
        missions.put("closedByOutcome", s.closedByOutcome());
        missions.put("withInterest", s.missionsWithInterest());
        Map<String, Object> freelancers = new java.util.LinkedHashMap<>();
        freelancers.put("verified", s.verified());
        freelancers.put("byRegion", s.byRegion().stream().map(AdminRoutes::count).toList());
        freelancers.put("topSkills", s.topSkills().stream().map(AdminRoutes::count).toList());
        Map<String, Object> answer = new java.util.LinkedHashMap<>();
        answer.put("missions", missions);
        answer.put("freelancers", freelancers);
        answer.put("proposals", s.proposals());
        answer.put("interests", s.interests());
        answer.put("interestRate", s.interestRate());
        answer.put("medianHoursToFirstInterest", s.medianHoursToFirstInterest());
        return HttpResponse.json(200, answer);
    }

    private static Map<String, Object> count(StatsService.Count c) {
        Map<String, Object> line = new java.util.LinkedHashMap<>();
        line.put("code", c.code());
        line.put("fr", c.fr());
        line.put("en", c.en());
        line.put("count", c.count());
        return line;
    }

    HttpResponse unknownWords(HttpRequest request) {
        return vocabulary.unknown(session(request), request);
    }

    HttpResponse addedTerms(HttpRequest request) {
        return vocabulary.added(request);
    }

    HttpResponse teach(HttpRequest request) {
        return vocabulary.teach(session(request), request);
    }

    HttpResponse link(HttpRequest request) {
        JsonNode body = request.json();
        Fields f = new Fields(request.messages());
        f.allowOnly(body, "", LINK_FIELDS);
        String email = f.email(body, "", "email", true);
        f.oneOf(body, "", "locale", false, Requests.LOCALES);
        f.throwIfAny();
        admins.requestLink(email, request.messages().locale());
        return HttpResponse.json(202, Map.of("status", "ACCEPTED"));
    }

    /** The admin's session, or 401 for anything else. */
    AdminSession session(HttpRequest request) {
        try {
            return admins.authorize(request.bearerToken());
        } catch (TokenException e) {
            throw ApiException.unauthorized(request.messages());
        }
    }

    HttpResponse missions(HttpRequest request) {
        AdminSession session = session(request);
        String status = request.queryParameters().getOrDefault("status", MissionStatus.PENDING_REVIEW.name());
        MissionStatus queue = QUEUES.stream().filter(s -> s.name().equals(status)).findFirst().orElseThrow(() ->
                ApiException.validation(List.of(new FieldError("status", request.messages().get("field.enum",
                        String.join(", ", QUEUES.stream().map(Enum::name).toList())))), request.messages()));
        List<Map<String, Object>> out = new ArrayList<>();
        for (AdminService.QueuedMission queued : admins.queue(session, queue)) {
            Map<String, Object> view = MissionsHandler.publicView(queued.listed().stored());
            @SuppressWarnings("unchecked")
            Map<String, Object> organization = (Map<String, Object>) view.get("organization");
            organization.put("email", queued.listed().stored().mission().organization().email());
            view.put("updatedAt", queued.listed().stored().updatedAt().toString());
            if (queued.listed().publishedAt() != null) {
                view.put("publishedAt", queued.listed().publishedAt().toString());
            }
            if (queued.listed().stored().reviewReason() != null) {
                view.put("reviewReason", queued.listed().stored().reviewReason());
            }
            view.put("interestCount", queued.counts().interested());
            if (queue == MissionStatus.PUBLISHED) {
                view.put("proposedCount", queued.counts().proposed());
                view.put("quiet", queued.quiet());
            }
            out.add(view);
        }
        return HttpResponse.json(200, out);
    }
}
