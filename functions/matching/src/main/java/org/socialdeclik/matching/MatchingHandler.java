package org.socialdeclik.matching;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.socialdeclik.shared.app.MatchingService;
import org.socialdeclik.shared.aws.DynamoStore;
import org.socialdeclik.shared.aws.TableLayout;
import org.socialdeclik.shared.aws.TableLayout.Entity;
import org.socialdeclik.shared.aws.Wiring;
import org.socialdeclik.shared.config.Env;
import org.socialdeclik.shared.domain.Mission;
import org.socialdeclik.shared.ports.WorkLedger;
import org.socialdeclik.shared.stream.StreamFunction;
import org.socialdeclik.shared.warmup.Priming;

/**
 * Stream: a mission that becomes PUBLISHED is matched against active profiles; a profile that
 * becomes ACTIVE, changes while active, subscribes again or ends a pause is matched against open
 * missions (a paused one never is).
 */
public final class MatchingHandler extends StreamFunction {
    private final MatchingService service;
    private final WorkLedger ledger;
    private Priming priming;

    public MatchingHandler() {
        this(System.getenv());
    }

    public MatchingHandler(Map<String, String> env) {
        this(new Wiring(Env.of(env)));
        // SnapStart: a published mission nobody can match (an index query that finds nothing)
        priming = Priming.register("matching", () -> Priming.handled(handleRequest(Priming.stream("MODIFY",
                Map.of(TableLayout.PK, Priming.s(TableLayout.missionKey("priming")), TableLayout.ENTITY, Priming.s(Entity.MISSION.name()),
                        TableLayout.STATUS, Priming.s("PUBLISHED"), TableLayout.DOC, Priming.s(Priming.UNMATCHABLE_MISSION)),
                Map.of(TableLayout.ENTITY, Priming.s(Entity.MISSION.name()), TableLayout.STATUS, Priming.s("PENDING_REVIEW"))), null)));
    }

    private MatchingHandler(Wiring wiring) {
        this(wiring, wiring.store());
    }

    private MatchingHandler(Wiring wiring, DynamoStore store) {
        this(wire(wiring, store), store.ledger());
    }

    public MatchingHandler(MatchingService service, WorkLedger ledger) {
        this.service = service;
        this.ledger = ledger;
    }

    /** The SnapStart priming this container registered (null when built from its collaborators). */
    Priming priming() {
        return priming;
    }

    static MatchingService wire(Wiring wiring) {
        return wire(wiring, wiring.store());
    }

    static MatchingService wire(Wiring wiring, DynamoStore store) {
        return wiring.matching(store);
    }

    /**
     * Matches what the record calls for, then takes the version it matched off the work ledger
     * (a failure leaves it there for the sweep, which matches it again under the same claims).
     */
    @Override
    protected void handle(DynamodbEvent.DynamodbStreamRecord record) {
        TableLayout.Streamed now = TableLayout.streamed(image(record.getDynamodb().getNewImage()));
        TableLayout.Streamed before = TableLayout.streamed(image(record.getDynamodb().getOldImage()));
        if (now.entity() == Entity.MISSION && "PUBLISHED".equals(now.status()) && !"PUBLISHED".equals(before.status())) {
            Mission mission = now.mission();
            service.missionPublished(mission);
            done(WorkLedger.Kind.MISSION, mission.id(), now);
        } else if (now.entity() == Entity.PROFILE && "ACTIVE".equals(now.status())) {
            if (!now.unsubscribed() && !now.paused() && (!"ACTIVE".equals(before.status())
                    || !Objects.equals(before.doc(), now.doc()) || before.unsubscribed() || before.paused())) {
                // became active, changed, subscribed again or available again: its new matches among open missions
                service.profileActive(now.profile());
            }
            if (!Objects.equals(before.updatedAt(), now.updatedAt())) {
                done(WorkLedger.Kind.PROFILE, now.profileId(), now);
            }
        }
    }

    private void done(WorkLedger.Kind kind, String id, TableLayout.Streamed image) {
        if (image.updatedAt() != null) {
            ledger.done(new WorkLedger.Work(kind, id, Instant.parse(image.updatedAt())));
        }
    }
}
