package org.socialdeclik.notifier;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.util.Map;
import org.socialdeclik.shared.app.NotificationService;
import org.socialdeclik.shared.aws.TableLayout;
import org.socialdeclik.shared.aws.Wiring;
import org.socialdeclik.shared.config.Env;
import org.socialdeclik.shared.ports.OutboxEntry;
import org.socialdeclik.shared.stream.StreamFunction;
import org.socialdeclik.shared.warmup.Priming;

/**
 * Stream: every new outbox item becomes its email(s), sent once through SES. A send that SES
 * refused fails the record (retried, then parked, then swept); one whose outcome is unknown does
 * not (see {@link NotificationService#deliver}).
 */
public final class NotifierHandler extends StreamFunction {
    static final int SENDS_AT_A_TIME = 4;
    private final NotificationService service;
    private Priming priming;

    public NotifierHandler() {
        this(System.getenv());
    }

    public NotifierHandler(Map<String, String> env) {
        this(wire(new Wiring(Env.of(env))));
        // SnapStart: an outbox item that does not exist (its claim's condition fails, nothing is
        // sent), then the rendering of a verification email for a sample profile (never sent)
        priming = Priming.register("notifier", () -> {
            Priming.handled(handleRequest(Priming.stream("INSERT",
                    Map.of(TableLayout.PK, Priming.s(TableLayout.outboxKey("VERIFY#" + Priming.absentId())),
                            TableLayout.ENTITY, Priming.s(TableLayout.Entity.OUTBOX.name()),
                            TableLayout.KIND, Priming.s("VERIFY"),
                            TableLayout.REFS, new AttributeValue().withM(Map.of("profileId", Priming.s("priming")))),
                    null), null));
            service.rehearse(Priming.sampleProfile());
        });
    }

    public NotifierHandler(NotificationService service) {
        this.service = service;
    }

    /** The SnapStart priming this container registered (null when built from its collaborators). */
    Priming priming() {
        return priming;
    }

    private static NotificationService wire(Wiring wiring) {
        return wiring.notifications(wiring.store());
    }

    /**
     * Outbox items are independent of each other: four sends at a time, so that a slow SES holds
     * back fewer emails, while staying near SES's default production rate (14 messages a second)
     * at its usual latency.
     */
    @Override
    protected int concurrency() {
        return SENDS_AT_A_TIME;
    }

    @Override
    protected void handle(DynamodbEvent.DynamodbStreamRecord record) {
        if (!"INSERT".equals(record.getEventName())) {
            return;
        }
        OutboxEntry email = TableLayout.outboxEntry(image(record.getDynamodb().getNewImage()));
        if (email != null) {
            service.deliver(email);
        }
    }
}
