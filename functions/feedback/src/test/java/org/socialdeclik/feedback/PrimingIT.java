package org.socialdeclik.feedback;

import org.junit.jupiter.api.Test;
import org.socialdeclik.shared.testing.PrimingCheck;

/** SnapStart priming runs the request path against the real services and leaves no trace. */
class PrimingIT {

    @Test
    void emailFeedbackPrimingRunsToTheEndAndWritesNothing() {
        PrimingCheck.runsToTheEndAndWritesNothing(env -> new EmailFeedbackHandler(env).priming());
    }
}
