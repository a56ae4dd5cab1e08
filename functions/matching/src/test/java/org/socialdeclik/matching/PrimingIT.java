package org.socialdeclik.matching;

import org.junit.jupiter.api.Test;
import org.socialdeclik.shared.testing.PrimingCheck;

/** SnapStart priming runs the request path against the real services and leaves no trace. */
class PrimingIT {

    @Test
    void matchingPrimingRunsToTheEndAndWritesNothing() {
        PrimingCheck.runsToTheEndAndWritesNothing(env -> new MatchingHandler(env).priming());
    }

    @Test
    void deferredProposalsPrimingRunsToTheEndAndWritesNothing() {
        PrimingCheck.runsToTheEndAndWritesNothing(env -> new DeferredProposalsHandler(env).priming());
    }
}
