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
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One function of the template, running warm in this JVM: its handler class instantiated once
 * through its {@code (Map<String, String> environment)} constructor, like one Lambda container.
 * As in a container, one invocation runs at a time.
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
    private final Object handler;
    private final Method method;
    private final boolean streaming;
    private final String arn;
    private final Duration initDuration;
    private final ReentrantLock container = new ReentrantLock(true);

    private LocalFunction(SamTemplate.FunctionSpec spec, Object handler, Method method, String arn,
            Duration initDuration) {
        this.spec = spec;
        this.handler = handler;
        this.method = method;
        this.streaming = handler instanceof RequestStreamHandler && !spec.handler().contains("::");
        this.arn = arn;
        this.initDuration = initDuration;
    }

    static LocalFunction create(SamTemplate.FunctionSpec spec, Map<String, String> environment, String region,
            String accountId) {
        String id = spec.logicalId();
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
        LocalClock.installed(); // before the handler takes its clock
        long start = System.nanoTime();
        Object handler;
        try {
            handler = constructor.newInstance(Map.copyOf(environment));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("Function " + id + " failed to initialise: "
                    + cause.getClass().getName() + ": " + cause.getMessage(), cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Function " + id + ": cannot instantiate " + type.getName(), e);
        }
        Duration init = Duration.ofNanos(System.nanoTime() - start);
        String arn = "arn:aws:lambda:" + region + ":" + accountId + ":function:" + spec.functionName();
        return new LocalFunction(spec, handler, method, arn, init);
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

    Duration initDuration() {
        return initDuration;
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
        container.lock();
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
            container.unlock();
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
