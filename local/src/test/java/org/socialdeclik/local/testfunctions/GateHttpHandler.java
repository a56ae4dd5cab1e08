package org.socialdeclik.local.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP function whose invocations wait at a gate until the test opens it: counts its
 * instances (containers), the invocations running at once and the instances that ran one.
 */
public class GateHttpHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    public static final AtomicInteger INSTANCES = new AtomicInteger();
    public static final AtomicInteger RUNNING = new AtomicInteger();
    public static final AtomicInteger PEAK = new AtomicInteger();
    public static final Set<GateHttpHandler> USED = ConcurrentHashMap.newKeySet();
    private static volatile CountDownLatch gate = new CountDownLatch(0);

    private final String name;

    public GateHttpHandler(Map<String, String> environment) {
        this.name = "container-" + INSTANCES.incrementAndGet();
    }

    /** Closes the gate: invocations wait until {@link #open()}. */
    public static void reset() {
        INSTANCES.set(0);
        RUNNING.set(0);
        PEAK.set(0);
        USED.clear();
        gate = new CountDownLatch(1);
    }

    public static void open() {
        gate.countDown();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        PEAK.accumulateAndGet(RUNNING.incrementAndGet(), Math::max);
        USED.add(this);
        try {
            if (!gate.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the gate stayed closed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            RUNNING.decrementAndGet();
        }
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withBody(name).build();
    }
}
