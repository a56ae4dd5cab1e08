package org.socialdeclik.shared.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class InvocationTest {

    /** A Lambda context that knows only its request id. */
    private static Context context(String requestId) {
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> method.getName().equals("getAwsRequestId") ? requestId : null);
    }

    @Test
    void theRequestIdIsInTheLogContextWhileTheInvocationRunsAndGoneAfter() {
        try (Invocation ignored = Invocation.start(context("req-1"))) {
            MDC.put("route", "POST /profiles");
            assertThat(MDC.get("requestId")).isEqualTo("req-1");
        }

        assertThat(MDC.get("requestId")).isNull();
        assertThat(MDC.get("route")).isNull();
    }

    @Test
    void aHandlerThatThrowsLeavesNothingForTheNextInvocation() {
        assertThatThrownBy(() -> {
            try (Invocation ignored = Invocation.start(context("req-2"))) {
                throw new IllegalStateException("boom");
            }
        }).isInstanceOf(IllegalStateException.class);

        assertThat(MDC.get("requestId")).isNull();
    }

    @Test
    void aCallFromTheSameJvmHasNoRequestId() {
        try (Invocation ignored = Invocation.start(null)) {
            assertThat(MDC.get("requestId")).isNull();
        }
    }
}
