package org.socialdeclik.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One function of the template, running warm in this JVM in up to {@code containers} containers,
 * as Lambda scales a function out under concurrent invocations. A container is one instance of
 * the handler class, made through its {@code (Map<String, String> environment)} constructor (the
 * function's init); each runs one invocation at a time. The first container is made at start (an
 * init that fails stops the run, as before); the others only when an invocation finds every
 * container busy, as a cold start would, and stay warm. An invocation that finds all
 * {@code containers} busy waits for one, first come first served.
 *
 * <p>A caller that waits for each invocation before the next (a stream poller: one batch at a
 * time per shard) therefore never uses more than one container.
 *
 * <p>A handler named by its class alone that is a {@code RequestStreamHandler} is what Lambda
 * runs as a stream handler: it gets the event as the JSON Lambda's Java runtime would write
 * ({@link RuntimeJson}) and its answer is read back from JSON. Its public
 * {@code handleRequest(event, Context)} overload gives the event and answer types. Any other
 * handler is called with the event object.
 */
final class LocalFunction {
    private static final Logger LOG = LoggerFactory.getLogger(LocalFunction.class);

    private final SamTemplate.FunctionSpec spec;
    private final Constructor<?> constructor;
    private final Map<String, String> environment;
    private final Method method;
    private final boolean streaming;
    private final String arn;
    private final int maxContainers;
    private final Semaphore free;
    /** Warm containers not running an invocation; the most recently used first, as Lambda reuses them. */
    private final ConcurrentLinkedDeque<Object> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger containers = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final Duration initDuration;

    private LocalFunction(SamTemplate.FunctionSpec spec, Constructor<?> constructor, Map<String, String> environment,
            Method method, String arn, int maxContainers) {
        this.spec = spec;
        this.constructor = constructor;
        this.environment = environment;
        this.method = method;
        this.streaming = RequestStreamHandler.class.isAssignableFrom(constructor.getDeclaringClass())
                && !spec.handler().contains("::");
        this.arn = arn;
        this.maxContainers = maxContainers;
        this.free = new Semaphore(maxContainers, true);
        long start = System.nanoTime();
        idle.push(newContainer());
        this.initDuration = Duration.ofNanos(System.nanoTime() - start);
    }

    /** The function in one container, one invocation at a time. */
    static LocalFunction create(SamTemplate.FunctionSpec spec, Map<String, String> environment, String region,
            String accountId) {
        return create(spec, environment, region, accountId, 1);
    }

    /** The function in up to {@code containers} containers, the first one initialised now. */
    static LocalFunction create(SamTemplate.FunctionSpec spec, Map<String, String> environment, String region,
            String accountId, int containers) {
        String id = spec.logicalId();
        if (containers < 1) {
            throw new IllegalArgumentException("Function " + id + ": containers must be at least 1, got " + containers);
        }
        Class<?> type;
        try {
            type = Class.forName(spec.handlerClass(), true, LocalFunction.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new TemplateException("Function " + id + ": handler class " + spec.handlerClass()
                    + " is not on the classpath (is its module a dependency of local/?)", e);
        }
        Constructor<?> constructor;
        try {
            constructor = type.getConstructor(Map.class);
        } catch (NoSuchMethodException e) {
            throw new TemplateException("Function " + id + ": " + type.getName()
                    + " needs a public constructor taking the environment as Map<String, String>");
        }
        Method method = handlerMethod(type, spec.handlerMethod(), id);
        String arn = "arn:aws:lambda:" + region + ":" + accountId + ":function:" + spec.functionName();
        return new LocalFunction(spec, constructor, Map.copyOf(environment), method, arn, containers);
    }

    /** A new container: the handler class instantiated with the function's environment (its init). */
    private Object newContainer() {
        LocalClock.installed(); // before the handler takes its clock
        Object handler;
        try {
            handler = constructor.newInstance(environment);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("Function " + spec.logicalId() + " failed to initialise: "
                    + cause.getClass().getName() + ": " + cause.getMessage(), cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Function " + spec.logicalId() + ": cannot instantiate "
                    + constructor.getDeclaringClass().getName(), e);
        }
        containers.incrementAndGet();
        return handler;
    }

    private static Method handlerMethod(Class<?> type, String name, String id) {
        Method best = null;
        for (Method candidate : type.getMethods()) {
            if (!candidate.getName().equals(name) || Modifier.isStatic(candidate.getModifiers())) {
                continue;
            }
            Class<?>[] params = candidate.getParameterTypes();
            boolean shape = (params.length == 2 && params[1] == Context.class) || params.length == 1;
            if (!shape) {
                continue;
            }
            if (best == null || (best.isBridge() && !candidate.isBridge())
                    || (best.getParameterCount() == 1 && params.length == 2 && !candidate.isBridge())) {
                best = candidate;
            }
        }
        if (best == null) {
            throw new TemplateException("Function " + id + ": " + type.getName() + " has no public method "
                    + name + "(event, Context)");
        }
        best.setAccessible(true);
        return best;
    }

    String logicalId() {
        return spec.logicalId();
    }

    SamTemplate.FunctionSpec spec() {
        return spec;
    }

    /** How long the first container's init took. */
    Duration initDuration() {
        return initDuration;
    }

    /** The most containers this function may run at once. */
    int maxContainers() {
        return maxContainers;
    }

    /** The containers initialised so far (warm, whether busy or idle). */
    int containers() {
        return containers.get();
    }

    /** The most invocations that ran at the same time. */
    int peakConcurrency() {
        return peak.get();
    }

    /** For the health report: "2 of 4 containers, at most 2 invocations at once". */
    String containerStatus() {
        return containers() + " of " + maxContainers + " containers, at most " + peakConcurrency()
                + " invocations at once";
    }

    Class<?> eventType() {
        return method.getParameterTypes()[0];
    }

    /**
     * Runs the handler on the event and returns what it returned. A handler that throws gives a
     * {@link FunctionError} carrying what it threw.
     */
    Object invoke(Object event) {
        if (!eventType().isInstance(event)) {
            throw new IllegalStateException("Function " + spec.logicalId() + " takes " + eventType().getName()
                    + ", not " + event.getClass().getName());
        }
        String requestId = UUID.randomUUID().toString();
        free.acquireUninterruptibly();
        Object handler = idle.pollFirst();
        if (handler == null) {
            try {
                long init = System.nanoTime();
                handler = newContainer();
                LOG.info("Function {}: container {} of at most {} initialised in {} ms (every other one was busy)",
                        spec.logicalId(), containers.get(), maxContainers, (System.nanoTime() - init) / 1_000_000);
            } catch (RuntimeException e) {
                free.release();
                throw new FunctionError(spec.logicalId(), requestId, e.getCause() == null ? e : e.getCause());
            }
        }
        peak.accumulateAndGet(running.incrementAndGet(), Math::max);
        long start = System.nanoTime();
        try {
            long deadline = System.currentTimeMillis() + spec.timeoutSeconds() * 1000L;
            LocalContext context = new LocalContext(requestId, spec.functionName(), arn, spec.memoryMb(), deadline);
            if (streaming) {
                return stream((RequestStreamHandler) handler, event, context);
            }
            return method.getParameterCount() == 2 ? method.invoke(handler, event, context)
                    : method.invoke(handler, event);
        } catch (InvocationTargetException e) {
            throw new FunctionError(spec.logicalId(), requestId, e.getCause() == null ? e : e.getCause());
        } catch (IllegalAccessException e) {
            throw new FunctionError(spec.logicalId(), requestId, e);
        } finally {
            running.decrementAndGet();
            idle.offerFirst(handler);
            free.release();
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (millis > spec.timeoutSeconds() * 1000L) {
                LOG.warn("Function {} ran {} ms, over its Timeout of {} s: Lambda would have stopped it "
                        + "(requestId {})", spec.logicalId(), millis, spec.timeoutSeconds(), requestId);
            }
        }
    }

    private Object stream(RequestStreamHandler stream, Object event, Context context) throws InvocationTargetException {
        byte[] input = RuntimeJson.toJson(event);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            stream.handleRequest(new ByteArrayInputStream(input), output, context);
        } catch (IOException | RuntimeException e) {
            throw new InvocationTargetException(e);
        }
        Class<?> answer = method.getReturnType();
        return answer == void.class || output.size() == 0 ? null : RuntimeJson.fromJson(output.toByteArray(), answer);
    }

    /** What a handler threw. */
    static final class FunctionError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String requestId;

        FunctionError(String function, String requestId, Throwable cause) {
            super("Function " + function + " threw " + cause.getClass().getName(), cause);
            this.requestId = requestId;
        }

        String requestId() {
            return requestId;
        }
    }
}
