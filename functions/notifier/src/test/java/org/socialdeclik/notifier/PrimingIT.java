package org.socialdeclik.notifier;

import org.junit.jupiter.api.Test;
import org.socialdeclik.shared.testing.PrimingCheck;

/** SnapStart priming runs the request path against the real services and leaves no trace. */
class PrimingIT {

    @Test
    void notifierPrimingRunsToTheEndAndWritesNothing() {
        PrimingCheck.runsToTheEndAndWritesNothing(env -> new NotifierHandler(env).priming());
    }
}
