package org.socialdeclik.matching;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import org.socialdeclik.shared.app.MatchingService;
import org.socialdeclik.shared.aws.DynamoStore;
import org.socialdeclik.shared.aws.StoredJson;
import org.socialdeclik.shared.aws.Wiring;
import org.socialdeclik.shared.config.Env;
import org.socialdeclik.shared.domain.match.Matcher;
import org.socialdeclik.shared.domain.vocab.Places;
import org.socialdeclik.shared.stream.StreamFunction;
import org.socialdeclik.shared.warmup.Priming;

/**
 * Stream: a mission that becomes PUBLISHED is matched against active profiles; a profile that
 * becomes ACTIVE, or changes while active, is matched against open missions.
 */
public final class MatchingHandler extends StreamFunction {
    private final MatchingService service;
    private Priming priming;

    public MatchingHandler() {
        this(System.getenv());
    }

    public MatchingHandler(Map<String, String> env) {
        this(wire(new Wiring(Env.of(env))));
        // SnapStart: a published mission nobody can match (an index query that finds nothing)
        priming = Priming.register("matching", () -> Priming.handled(handleRequest(Priming.stream("MODIFY",
                Map.of("pk", Priming.s("MISSION#priming"), "entity", Priming.s("MISSION"),
                        "status", Priming.s("PUBLISHED"), "doc", Priming.s(Priming.UNMATCHABLE_MISSION)),
                Map.of("entity", Priming.s("MISSION"), "status", Priming.s("PENDING_REVIEW"))), null)));
    }

    public MatchingHandler(MatchingService service) {
        this.service = service;
    }

    /** The SnapStart priming this container registered (null when built from its collaborators). */
    Priming priming() {
        return priming;
    }

    static MatchingService wire(Wiring wiring) {
        DynamoStore store = wiring.store();
        return new MatchingService(store, store, store, new Matcher(Places.france()), Clock.systemUTC(),
                wiring.env().getInt("MAX_MATCHES_PER_MISSION", 25), wiring.env().getInt("MAX_PROPOSALS_PER_WEEK", 5));
    }

    @Override
    protected void handle(DynamodbEvent.DynamodbStreamRecord record) {
        Map<String, AttributeValue> now = record.getDynamodb().getNewImage();
        Map<String, AttributeValue> before = record.getDynamodb().getOldImage();
        String entity = text(now, "entity");
        if ("MISSION".equals(entity) && "PUBLISHED".equals(text(now, "status"))
                && !"PUBLISHED".equals(text(before, "status"))) {
            service.missionPublished(StoredJson.mission(text(now, "doc")));
        } else if ("PROFILE".equals(entity) && "ACTIVE".equals(text(now, "status")) && !flag(now, "unsubscribed")
                && (!"ACTIVE".equals(text(before, "status")) || !Objects.equals(text(before, "doc"), text(now, "doc")))) {
            service.profileActive(StoredJson.profile(text(now, "doc")));
        }
    }
}
