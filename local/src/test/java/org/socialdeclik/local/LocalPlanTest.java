package org.socialdeclik.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The first phase of the local run, read from the project's template.yaml without an emulator. */
class LocalPlanTest {
    private static final Path TEMPLATE = SamTemplate.find(Path.of("")).orElseThrow();
    private static final LocalConfig CONFIG = LocalConfig.defaults().withWebBaseUrl("http://127.0.0.1:8081/app");

    private static LocalPlan plan(LocalConfig config) {
        return LocalPlan.read(TEMPLATE, SamTemplate.load(TEMPLATE), config);
    }

    private static SamTemplate.FunctionSpec function(LocalPlan plan, String logicalId) {
        return plan.functions().stream().filter(f -> f.logicalId().equals(logicalId)).findFirst().orElseThrow();
    }

    private static boolean passes(LocalPlan plan, String logicalId, String record) throws Exception {
        SamTemplate.FunctionSpec spec = function(plan, logicalId);
        return EventPattern.anyMatches(plan.filters(spec, spec.streamSources().get(0)),
                LocalMapper.MAPPER.readTree(record));
    }

    @Test
    void holdsEveryFunctionOfTheTemplateWithItsHandler() {
        LocalPlan plan = plan(CONFIG);

        assertThat(plan.functions()).extracting(SamTemplate.FunctionSpec::logicalId).contains(
                "MissionsFunction", "ProfilesFunction", "MatchingFunction", "DeferredProposalsFunction",
                "NotifierFunction", "EmailFeedbackFunction", "RecoveryFunction");
        assertThat(function(plan, "EmailFeedbackFunction").handlerClass())
                .isEqualTo("org.socialdeclik.feedback.EmailFeedbackHandler");
        assertThat(plan.templatePath()).isEqualTo(TEMPLATE);
    }

    @Test
    void compilesTheStreamFiltersOfTheTemplate() throws Exception {
        LocalPlan plan = plan(CONFIG);
        String inserted = "{\"eventName\":\"INSERT\",\"dynamodb\":{\"NewImage\":{\"entity\":{\"S\":\"OUTBOX\"}}}}";
        String updated = "{\"eventName\":\"MODIFY\",\"dynamodb\":{\"NewImage\":{\"entity\":{\"S\":\"OUTBOX\"}},"
                + "\"OldImage\":{\"entity\":{\"S\":\"OUTBOX\"}}}}";

        assertThat(passes(plan, "NotifierFunction", inserted)).isTrue();
        assertThat(passes(plan, "NotifierFunction", updated)).as("the notifier's own updates do not wake it").isFalse();
        assertThat(passes(plan, "MatchingFunction", inserted)).as("an outbox item is not for matching").isFalse();
    }

    @Test
    void resolvesWithTheLocalWebAddressAndTheOverridesOverTheTemplatesParameters() {
        LocalPlan plan = plan(CONFIG.withParameterOverrides(Map.of("MaxProposalsPerWeek", "7")));

        assertThat(plan.parameters()).containsEntry("WebOrigin", "http://127.0.0.1:8081")
                .containsEntry("WebBaseUrl", "http://127.0.0.1:8081/app")
                .containsEntry("MaxProposalsPerWeek", "7");
        assertThat(plan.pseudoParameters()).containsEntry("AWS::StackName", CONFIG.tableName())
                .containsEntry("AWS::AccountId", LocalPlatform.ACCOUNT_ID);
        assertThat(plan.corsConfiguration()).isNotNull();
    }

    @Test
    void isImmutable() {
        LocalPlan plan = plan(CONFIG);

        assertThatThrownBy(() -> plan.functions().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> plan.filters().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> plan.parameters().put("WebOrigin", "x")).isInstanceOf(UnsupportedOperationException.class);
        SamTemplate.FunctionSpec notifier = function(plan, "NotifierFunction");
        List<EventPattern> filters = plan.filters(notifier, notifier.streamSources().get(0));
        assertThatThrownBy(filters::clear).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aFilterEventRulerRefusesStopsTheRunBeforeAnythingStarts() {
        String pattern = "{\"dynamodb\":{\"NewImage\":{\"entity\":{\"S\":[{\"regex\":\"OUT.*\"}]}}}}";
        SamTemplate template = SamTemplate.parse("Resources:\n  Consumer:\n    Type: AWS::Serverless::Function\n"
                + "    Properties: {Handler: org.socialdeclik.local.testfunctions.RecordingStreamHandler, Events: {Stream: "
                + "{Type: DynamoDB, Properties: {Stream: 'arn:aws:dynamodb:eu-west-3:123456789012:table/t/stream/x', "
                + "FilterCriteria: {Filters: [{Pattern: '" + pattern + "'}]}}}}}\n");

        assertThatThrownBy(() -> LocalPlan.read(Path.of("template.yaml"), template, CONFIG))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("Function Consumer, event Stream")
                .hasMessageContaining("regex");
    }
}
