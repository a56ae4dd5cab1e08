package org.socialdeclik.missions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.socialdeclik.shared.testing.Emulator;

/** SnapStart priming runs the request path against the real services and leaves no trace. */
class PrimingIT {

    @Test
    void primingRunsToTheEndAndWritesNothing() {
        Emulator stack = Emulator.start();
        MissionsHandler handler = new MissionsHandler(stack.env());
        int items = stack.items().size();

        assertThat(handler.priming().prime()).isTrue();

        assertThat(stack.items()).hasSize(items);
    }
}
