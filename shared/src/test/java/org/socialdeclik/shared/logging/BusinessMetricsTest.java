package org.socialdeclik.shared.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.MDC;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMDCAdapter;

/** Business metric lines are CloudWatch embedded metric format documents, written by the JSON logging. */
class BusinessMetricsTest {

    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs(Level.INFO);

    @Test
    void a_count_is_one_json_line_that_cloudwatch_turns_into_a_metric() {
        long before = Instant.now().toEpochMilli();

        BusinessMetrics.count(BusinessMetric.MISSIONS_SUBMITTED);

        JsonNode line = logs.capture().single();
        assertThat(line.get("level").asText()).isEqualTo("INFO");
        assertThat(line.get("logger").asText()).isEqualTo(BusinessMetrics.LOGGER);
        assertThat(line.get("MissionsSubmitted").isIntegralNumber()).isTrue();
        assertThat(line.get("MissionsSubmitted").asLong()).isEqualTo(1);
        JsonNode aws = line.get("_aws");
        assertThat(aws.get("Timestamp").isIntegralNumber()).isTrue();
        assertThat(aws.get("Timestamp").asLong()).isBetween(before, Instant.now().toEpochMilli());
        assertThat(aws.get("CloudWatchMetrics")).hasSize(1);
        JsonNode directive = aws.get("CloudWatchMetrics").get(0);
        assertThat(directive.get("Namespace").asText()).isEqualTo("SocialDeclik");
        assertThat(directive.get("Dimensions").toString()).isEqualTo("[[\"Stack\"]]");
        assertThat(directive.get("Metrics").toString()).isEqualTo("[{\"Name\":\"MissionsSubmitted\",\"Unit\":\"Count\"}]");
        // every dimension named in the directive is a member of the line (the EMF specification's rule)
        assertThat(line.get("Stack").isTextual()).isTrue();
    }

    @Test
    void a_count_of_several_is_written_as_that_number() {
        BusinessMetrics.count(BusinessMetric.PROPOSALS_DEFERRED, 7);

        assertThat(logs.capture().single().get("ProposalsDeferred").asLong()).isEqualTo(7);
    }

    @Test
    void nothing_is_written_for_zero() {
        BusinessMetrics.count(BusinessMetric.BOUNCES, 0);

        assertThat(logs.capture().lines()).isEmpty();
    }

    @Test
    void the_request_id_of_the_invocation_stays_on_the_line() {
        MDC.put("requestId", "8f5b1c2e-0000-4000-8000-000000000001");

        BusinessMetrics.count(BusinessMetric.INTERESTS);

        assertThat(logs.capture().single().get("requestId").asText()).isEqualTo("8f5b1c2e-0000-4000-8000-000000000001");
    }

    @Test
    void above_info_no_metric_line_is_written_as_lambda_would_drop_it_anyway() {
        logs.capture().threshold(Level.WARN);

        BusinessMetrics.count(BusinessMetric.UNSUBSCRIBES);

        assertThat(logs.capture().lines()).isEmpty();
    }

    @Test
    void the_dimension_is_the_stack_name_from_the_environment() {
        JsonLogWriter writer = new JsonLogWriter(new BasicMDCAdapter(), Level.INFO.toInt(),
                JsonLogWriter.stackNameFrom(name -> name.equals("STACK_NAME") ? "socialdeclik-staging" : null));
        List<org.slf4j.event.KeyValuePair> pairs = new ArrayList<>();
        pairs.add(new org.slf4j.event.KeyValuePair("Interests", new BusinessMetrics.MetricCount("Interests", 2)));

        JsonNode line = LogCapture.parse(writer.format(1_800_000_000_000L, Level.INFO, BusinessMetrics.LOGGER,
                "business metric", null, pairs));

        assertThat(line.get("Stack").asText()).isEqualTo("socialdeclik-staging");
        assertThat(line.get("_aws").get("Timestamp").asLong()).isEqualTo(1_800_000_000_000L);
        assertThat(line.get("Interests").asLong()).isEqualTo(2);
        assertThat(JsonLogWriter.stackNameFrom(name -> null)).isEqualTo("local");
    }

    @Test
    void every_metric_name_is_a_valid_cloudwatch_name_and_unique() {
        List<String> names = new ArrayList<>();
        for (BusinessMetric metric : BusinessMetric.values()) {
            names.add(metric.metricName());
        }
        assertThat(names).doesNotHaveDuplicates().allMatch(n -> n.matches("[A-Z][A-Za-z]{2,254}"));
    }
}
