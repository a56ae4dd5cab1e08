package org.socialdeclik.local;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What {@code make run} prints once the run has started, and logs: where everything is, what each function runs on. */
final class LocalBanner {
    private static final Logger LOG = LoggerFactory.getLogger(LocalBanner.class);

    private LocalBanner() {
    }

    /** @param moto the emulator this run started; null when it uses one given by AWS_ENDPOINT_URL */
    static List<String> describe(LocalPlan plan, Provisioning.Provisioned provisioned, String apiBaseUrl, WebServer web,
            URI endpoint, MotoServer moto) {
        String webBaseUrl = plan.config().webBaseUrl();
        List<String> banner = new ArrayList<>();
        banner.add("Social Declik local run (no Docker) from " + plan.templatePath());
        banner.add("  API        " + apiBaseUrl + "   (/_local/health, /_local/emails, /_local/schedules, /_local/ses-feedback,"
                + " /_local/faults, /_local/failures)");
        banner.add("  Web app    " + webBaseUrl + "   (WEB_BASE_URL in emails; "
                + (web != null ? "served from " + web.root() : "not served by this run") + ")");
        banner.add("  Emulator   " + endpoint + (moto != null ? "   (moto pid " + moto.pid() + ", log " + moto.log() + ")"
                : "   (AWS_ENDPOINT_URL)"));
        banner.add("  Tables     " + String.join(", ", provisioned.tables()));
        banner.add("  Senders    " + String.join(", ", provisioned.senders()));
        banner.add("  Moderation " + provisioned.moderation());
        banner.add("  Functions  up to " + plan.config().concurrency() + " containers each (LOCAL_CONCURRENCY); stream pollers "
                + "one batch at a time per shard");
        for (SamTemplate.FunctionSpec spec : plan.functions()) {
            List<String> triggers = new ArrayList<>();
            spec.httpRoutes().forEach(route -> triggers.add(route.routeKey()));
            for (SamTemplate.StreamSource source : spec.streamSources()) {
                triggers.add("stream " + source.eventName() + " (batch " + source.batchSize() + ", "
                        + plan.filters(spec, source).size() + " filters"
                        + (source.enabled() ? "" : ", disabled") + ")");
            }
            for (SamTemplate.ScheduleSource source : spec.schedules()) {
                triggers.add("schedule " + source.expression() + " (POST /_local/schedules/" + spec.logicalId() + "/"
                        + source.eventName() + " runs it now)");
            }
            for (SamTemplate.TopicSubscription subscription : spec.topics()) {
                triggers.add("SNS " + subscription.topic() + " (POST /_local/sns/" + subscription.topic()
                        + (plan.template().sesEventTopics().contains(subscription.topic())
                                ? "; POST /_local/ses-feedback simulates a bounce or complaint)" : ")"));
            }
            banner.add("  " + spec.logicalId() + "  " + spec.handlerClass() + "  " + String.join(", ", triggers));
            LOG.info("Function {} runs {} on {}", spec.logicalId(), spec.handler(), triggers);
            for (SamTemplate.StreamSource source : spec.streamSources()) {
                LOG.info("Function {} stream {}: batch {}, retries {}, bisect {}, report item failures {}, filters {}",
                        spec.logicalId(), source.eventName(), source.batchSize(), source.maximumRetryAttempts(),
                        source.bisectBatchOnFunctionError(), source.reportBatchItemFailures(),
                        source.filterPatterns());
            }
        }
        LOG.info("Local run: API {}, web {}, emulator {}, tables {}, moderation {}", apiBaseUrl,
                webBaseUrl, endpoint, provisioned.tables(), provisioned.moderation());
        return List.copyOf(banner);
    }
}
