package org.socialdeclik.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.socialdeclik.shared.testing.Emulator;

/** SnapStart priming runs the request path against the real services and leaves no trace. */
class PrimingIT {

    @Test
    void notifierPrimingRunsToTheEndAndWritesNothing() {
        Emulator stack = Emulator.start();
        NotifierHandler handler = new NotifierHandler(stack.env());
        int items = stack.items().size();

        assertThat(handler.priming().prime()).isTrue();

        assertThat(stack.items()).hasSize(items);
    }

    @Test
    void emailFeedbackPrimingRunsToTheEndAndWritesNothing() {
        Emulator stack = Emulator.start();
        EmailFeedbackHandler handler = new EmailFeedbackHandler(stack.env());
        int items = stack.items().size();

        assertThat(handler.priming().prime()).isTrue();

        assertThat(stack.items()).hasSize(items);
    }
}
