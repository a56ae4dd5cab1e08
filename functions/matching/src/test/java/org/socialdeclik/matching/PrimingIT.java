package org.socialdeclik.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.socialdeclik.shared.testing.Emulator;

/** SnapStart priming runs the request path against the real services and leaves no trace. */
class PrimingIT {

    @Test
    void matchingPrimingRunsToTheEndAndWritesNothing() {
        Emulator stack = Emulator.start();
        MatchingHandler handler = new MatchingHandler(stack.env());
        int items = stack.items().size();

        assertThat(handler.priming().prime()).isTrue();

        assertThat(stack.items()).hasSize(items);
    }

    @Test
    void deferredProposalsPrimingRunsToTheEndAndWritesNothing() {
        Emulator stack = Emulator.start();
        DeferredProposalsHandler handler = new DeferredProposalsHandler(stack.env());
        int items = stack.items().size();

        assertThat(handler.priming().prime()).isTrue();

        assertThat(stack.items()).hasSize(items);
    }
}
