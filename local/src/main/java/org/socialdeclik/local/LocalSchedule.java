package org.socialdeclik.local;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code Schedule} event of a function: fired every period for {@code rate(...)} expressions
 * (at most {@link #LOCAL_PERIOD} apart locally: a local session is short); for {@code cron(...)}
 * ones, when the local clock ({@link LocalClock}, which {@code POST /_local/clock} moves days
 * ahead) passes the next date of the expression in its time zone (looked at every
 * {@link #CRON_TICK}; a clock moved past several dates fires once, as a late EventBridge run does
 * the work of all); and any schedule at any time through {@code POST /_local/schedules/{function}/{event}}.
 */
final class LocalSchedule {
    private static final Logger LOG = LoggerFactory.getLogger(LocalSchedule.class);
    /** The local schedule period: a {@code rate(...)} longer than this fires this often locally. */
    static final Duration LOCAL_PERIOD = Duration.ofMinutes(1);
    /** How often a cron schedule looks at the local clock. */
    static final Duration CRON_TICK = Duration.ofSeconds(1);
    private static final Pattern RATE = Pattern.compile("rate\\(\\s*(\\d+)\\s+(minute|minutes|hour|hours|day|days)\\s*\\)");

    private final LocalFunction function;
    private final SamTemplate.ScheduleSource source;
    private final String region;
    private final String ruleArn;
    private final AtomicLong fired = new AtomicLong();
    private volatile String lastOutcome;
    private ScheduledFuture<?> timer;
    private final LocalCron cron;
    private volatile Instant nextRun;

    LocalSchedule(LocalFunction function, SamTemplate.ScheduleSource source, String region, String accountId) {
        this.function = function;
        this.source = source;
        this.region = region;
        this.ruleArn = "arn:aws:events:" + region + ":" + accountId + ":rule/" + function.logicalId() + "-"
                + source.eventName();
        this.cron = LocalCron.parse(source.expression(), source.timeZone()).orElse(null);
    }

    /** The period of a {@code rate(...)} expression; empty for {@code cron(...)}. */
    static Optional<Duration> period(String expression) {
        Matcher rate = RATE.matcher(expression.trim().toLowerCase(Locale.ROOT));
        if (!rate.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(rate.group(1));
        String unit = rate.group(2);
        return Optional.of(unit.startsWith("minute") ? Duration.ofMinutes(amount)
                : unit.startsWith("hour") ? Duration.ofHours(amount) : Duration.ofDays(amount));
    }

    String key() {
        return function.logicalId() + "/" + source.eventName();
    }

    void start(ScheduledExecutorService timers) {
        Optional<Duration> period = period(source.expression());
        if (source.enabled() && period.isPresent() && !period.get().isZero()) {
            long millis = Math.min(period.get().toMillis(), LOCAL_PERIOD.toMillis());
            timer = timers.scheduleAtFixedRate(this::fireQuietly, millis, millis, TimeUnit.MILLISECONDS);
        } else if (source.enabled() && cron != null) {
            nextRun = cron.next(LocalClock.INSTANCE.instant());
            long millis = CRON_TICK.toMillis();
            timer = timers.scheduleAtFixedRate(() -> tick(LocalClock.INSTANCE.instant()), millis, millis,
                    TimeUnit.MILLISECONDS);
        }
    }

    /** A cron schedule's look at the clock: runs it once when its next date has come, then waits for the one after. */
    private void tick(Instant now) {
        if (nextRun != null && !now.isBefore(nextRun)) {
            nextRun = cron.next(now);
            fireQuietly();
        }
    }

    void stop() {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    private void fireQuietly() {
        try {
            fire();
        } catch (LocalFunction.FunctionError e) {
            LOG.warn("Scheduled function {} ({}) failed", function.logicalId(), source.eventName(), e.getCause());
        } catch (RuntimeException e) {
            LOG.warn("Scheduled function {} ({}) could not run", function.logicalId(), source.eventName(), e);
        }
    }

    /** Invokes the function now, as EventBridge would; returns what it returned. */
    Object fire() {
        Object event;
        if (source.input() != null) {
            try {
                event = LocalMapper.MAPPER.readValue(source.input(), function.eventType());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new TemplateException("Schedule " + key() + ": Input does not fit "
                        + function.eventType().getSimpleName());
            }
        } else {
            ScheduledEvent scheduled = new ScheduledEvent();
            scheduled.setVersion("0");
            scheduled.setId(UUID.randomUUID().toString());
            scheduled.setDetailType("Scheduled Event");
            scheduled.setSource("aws.events");
            scheduled.setAccount(LocalPlatform.ACCOUNT_ID);
            scheduled.setTime(new DateTime(LocalClock.INSTANCE.millis(), DateTimeZone.UTC));
            scheduled.setRegion(region);
            scheduled.setResources(List.of(ruleArn));
            scheduled.setDetail(Map.of());
            event = scheduled;
        }
        fired.incrementAndGet();
        try {
            Object result = function.invoke(event);
            lastOutcome = "OK";
            LOG.info("Schedule {} ran {}: {}", key(), function.logicalId(), result);
            return result;
        } catch (LocalFunction.FunctionError e) {
            lastOutcome = e.getCause().getClass().getSimpleName();
            throw e;
        }
    }

    Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("function", function.logicalId());
        status.put("event", source.eventName());
        status.put("expression", source.expression());
        status.put("automatic", timer != null);
        if (cron != null) {
            status.put("timeZone", cron.zone().getId());
            if (nextRun != null) {
                status.put("nextRun", nextRun.toString());
            }
        }
        status.put("trigger", "POST /_local/schedules/" + key());
        status.put("invocations", fired.get());
        if (lastOutcome != null) {
            status.put("lastOutcome", lastOutcome);
        }
        return status;
    }
}
