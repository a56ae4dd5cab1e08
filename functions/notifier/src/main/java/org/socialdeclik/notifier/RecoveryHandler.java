package org.socialdeclik.notifier;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.socialdeclik.shared.app.RecoveryService;
import org.socialdeclik.shared.aws.DynamoStore;
import org.socialdeclik.shared.aws.LedgerTable;
import org.socialdeclik.shared.aws.Wiring;
import org.socialdeclik.shared.config.Env;
import org.socialdeclik.shared.lambda.ScheduledFunction;
import org.socialdeclik.shared.ports.WorkLedger;
import org.socialdeclik.shared.warmup.Priming;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Schedule, and on demand ({@code make redrive}): the sweep of {@link RecoveryService}. Emails not
 * sent, missions published but not matched, profiles activated but not matched, found from the
 * table's work ledger and done once; then the stream failure queue's messages accounted for.
 */
public final class RecoveryHandler extends ScheduledFunction {
    /** The run stops taking work this long before Lambda's timeout (a send may take 20 s). */
    private static final long MARGIN_MS = 30_000;

    private final RecoveryService service;
    private final WorkLedger ledger;
    private Priming priming;

    public RecoveryHandler() {
        this(System.getenv());
    }

    public RecoveryHandler(Map<String, String> env) {
        this(new Wiring(Env.of(env)));
        // SnapStart: one read of the ledger (a day long past, with nothing in it)
        WorkLedger primed = ledger;
        priming = Priming.register("recovery", () -> primed.openWork(Instant.EPOCH, Duration.ZERO, 1));
    }

    private RecoveryHandler(Wiring wiring) {
        this(wiring, wiring.store());
    }

    private RecoveryHandler(Wiring wiring, DynamoStore store) {
        this(new RecoveryService(store.ledger(), wiring.notifications(store), wiring.matching(store), store.missions(), store.profiles(),
                new SqsFailureQueue(wiring.clients().build(SqsClient.builder()), wiring.env().require("FAILURE_QUEUE_URL"),
                        SqsFailureQueue.HIDDEN_SECONDS),
                wiring.clock(), settings(wiring.env())), store.ledger());
    }

    public RecoveryHandler(RecoveryService service, WorkLedger ledger) {
        this.service = service;
        this.ledger = ledger;
    }

    /** The sweep's waits, from the environment the template sets (seconds). */
    static RecoveryService.Settings settings(Env env) {
        return new RecoveryService.Settings(Duration.ofSeconds(env.getInt("RECOVERY_PENDING_AFTER_SECONDS", 60)),
                Duration.ofSeconds(env.getInt("RECOVERY_STALE_CLAIM_SECONDS", 600)), LedgerTable.RETENTION,
                env.getInt("RECOVERY_BATCH", 500));
    }

    /** The SnapStart priming this container registered (null when built from its collaborators). */
    Priming priming() {
        return priming;
    }

    /** One sweep, whatever the payload (the schedule's, or make redrive's); its report out. */
    @Override
    protected String run(Context context) {
        return service.sweep(() -> context == null || context.getRemainingTimeInMillis() > MARGIN_MS).toString();
    }
}
