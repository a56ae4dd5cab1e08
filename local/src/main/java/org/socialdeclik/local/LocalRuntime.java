package org.socialdeclik.local;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The third phase of the local run: each function's handler built once with its provisioned
 * environment, the HttpApi's routes served, the schedules started, the SNS subscriptions made
 * and a poller started on each enabled stream source, with the plan's filters. What it holds
 * does not change once {@link #start} returns; {@link #stop} stops the threads.
 */
final class LocalRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(LocalRuntime.class);

    private final Map<String, LocalFunction> functions;
    private final Map<String, LocalSchedule> schedules;
    private final List<StreamPoller> pollers;
    private final ScheduledExecutorService timers;

    private LocalRuntime(Map<String, LocalFunction> functions, Map<String, LocalSchedule> schedules,
            List<StreamPoller> pollers, ScheduledExecutorService timers) {
        this.functions = Collections.unmodifiableMap(new LinkedHashMap<>(functions));
        this.schedules = Collections.unmodifiableSortedMap(new TreeMap<>(schedules));
        this.pollers = List.copyOf(pollers);
        this.timers = timers;
    }

    /**
     * Starts it all; if a part cannot start, what had started is stopped before the error goes up.
     *
     * @param cors the API's CORS rules (null: none declared)
     */
    static LocalRuntime start(LocalPlan plan, Provisioning.Provisioned provisioned, ApiServer api, Cors cors,
            LocalTopics topics, LocalAws aws, FailureDestination failures) {
        String region = plan.config().region();
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "schedules");
            thread.setDaemon(true);
            return thread;
        });
        Map<String, LocalFunction> functions = new LinkedHashMap<>();
        Map<String, LocalSchedule> schedules = new TreeMap<>();
        List<StreamPoller> pollers = new ArrayList<>();
        try {
            Routes<LocalFunction> routes = new Routes<>();
            for (SamTemplate.FunctionSpec spec : plan.functions()) {
                LocalFunction function = LocalFunction.create(spec, provisioned.environmentOf(spec.logicalId()), region,
                        LocalPlatform.ACCOUNT_ID, plan.config().concurrency());
                functions.put(spec.logicalId(), function);
                LOG.info("Function {} ({}) initialised in {} ms", spec.logicalId(), spec.handlerClass(),
                        function.initDuration().toMillis());
                for (SamTemplate.HttpRoute route : spec.httpRoutes()) {
                    routes.add(route.method(), route.path(), function);
                }
                for (SamTemplate.ScheduleSource source : spec.schedules()) {
                    LocalSchedule schedule = new LocalSchedule(function, source, region, LocalPlatform.ACCOUNT_ID);
                    schedules.put(schedule.key(), schedule);
                    schedule.start(timers);
                }
                for (SamTemplate.TopicSubscription subscription : spec.topics()) {
                    topics.subscribe(subscription.topic(), function);
                }
                if (!spec.unsupportedEvents().isEmpty()) {
                    LOG.warn("Function {}: events not emulated locally: {}", spec.logicalId(), spec.unsupportedEvents());
                }
            }
            if (cors == null && !routes.all().isEmpty()) {
                LOG.warn("The template declares no CorsConfiguration: browsers on {} cannot call the API",
                        plan.config().webBaseUrl());
            }
            api.serve(routes, cors);

            Intrinsics intrinsics = provisioned.intrinsics();
            for (SamTemplate.FunctionSpec spec : plan.functions()) {
                for (SamTemplate.StreamSource source : spec.streamSources()) {
                    if (!source.enabled()) {
                        continue;
                    }
                    String streamArn = intrinsics.resolveString(source.stream());
                    if (streamArn == null || !streamArn.contains("/stream/")) {
                        throw new TemplateException("Function " + spec.logicalId() + ", event " + source.eventName()
                                + ": Stream does not name a table stream with StreamSpecification (" + streamArn + ")");
                    }
                    StreamPoller poller = new StreamPoller(functions.get(spec.logicalId()), source, streamArn,
                            plan.filters(spec, source), aws.streams, region, failures,
                            FailureDestination.destination(intrinsics, source.onFailureDestination()),
                            plan.config().pollInterval());
                    pollers.add(poller);
                    poller.start();
                }
            }
            return new LocalRuntime(functions, schedules, pollers, timers);
        } catch (RuntimeException | Error e) {
            new LocalRuntime(functions, schedules, pollers, timers).stop();
            throw e;
        }
    }

    Map<String, LocalFunction> functions() {
        return functions;
    }

    /** By {@link LocalSchedule#key()}, in its order, as {@code /_local/schedules} lists them. */
    Map<String, LocalSchedule> schedules() {
        return schedules;
    }

    List<StreamPoller> pollers() {
        return pollers;
    }

    /** Every stream poller reads its stream. */
    boolean pollersReady() {
        return pollers.stream().allMatch(StreamPoller::ready);
    }

    /** Stops the schedules and the pollers. */
    void stop() {
        timers.shutdownNow();
        schedules.values().forEach(LocalSchedule::stop);
        pollers.forEach(StreamPoller::close);
    }
}
