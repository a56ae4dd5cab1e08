package org.socialdeclik.shared.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import org.socialdeclik.shared.warmup.Priming;

/** What each function module's {@code PrimingIT} holds its handlers to. */
public final class PrimingCheck {
    private PrimingCheck() {
    }

    /**
     * SnapStart priming runs the request path against the real services and leaves no trace: the
     * handler, built on a fresh emulator's environment, primes to the end and the table keeps
     * exactly the items it had.
     */
    public static void runsToTheEndAndWritesNothing(Function<Map<String, String>, Priming> primingOfAHandlerOn) {
        Emulator stack = Emulator.start();
        Priming priming = primingOfAHandlerOn.apply(stack.env());
        int items = stack.items().size();

        assertThat(priming.prime()).isTrue();

        assertThat(stack.items()).hasSize(items);
    }
}
