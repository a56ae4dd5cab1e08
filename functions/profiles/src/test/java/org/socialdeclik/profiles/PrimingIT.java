package org.socialdeclik.profiles;

import org.junit.jupiter.api.Test;
import org.socialdeclik.shared.testing.PrimingCheck;

/** SnapStart priming runs the request path against the real services and leaves no trace. */
class PrimingIT {

    @Test
    void primingRunsToTheEndAndWritesNothing() {
        PrimingCheck.runsToTheEndAndWritesNothing(env -> new ProfilesHandler(env).priming());
    }
}
