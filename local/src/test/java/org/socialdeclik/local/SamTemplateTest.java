package org.socialdeclik.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SamTemplateTest {
    private static final String STREAM_ARN =
            "arn:aws:dynamodb:eu-west-3:123456789012:table/t/stream/2027-01-01T00:00:00.000";

    private static SamTemplate sample() {
        return SamTemplate.load(TestTemplates.path("sam-template.yaml"));
    }

    private static Intrinsics boundIntrinsics(SamTemplate template, Map<String, String> parameters) {
        Intrinsics intrinsics = new Intrinsics(template, parameters, TestTemplates.pseudo("stack"));
        intrinsics.bind("Table", "stack-table", Map.of("Arn", "arn:aws:dynamodb:eu-west-3:123456789012:table/t",
                "StreamArn", STREAM_ARN));
        intrinsics.bind("SigningKeySecret", "arn:aws:secretsmanager:eu-west-3:123456789012:secret:k", Map.of());
        intrinsics.bind("EmailConfigurationSet", "stack-emails", Map.of());
        intrinsics.bind("HttpApi", "local", Map.of("ApiEndpoint", "http://127.0.0.1:3000"));
        return intrinsics;
    }

    private static SamTemplate.FunctionSpec function(List<SamTemplate.FunctionSpec> functions, String id) {
        return functions.stream().filter(f -> f.logicalId().equals(id)).findFirst().orElseThrow();
    }

    @Nested
    class ShortFormTags {
        @Test
        void becomeTheirLongFormAsCloudFormationReadsThem() {
            Map<String, Object> root = CfnYaml.load("""
                    A: !Ref Table
                    B: !GetAtt Table.StreamArn
                    C: !Sub '${AWS::Region}-x'
                    D: !If [IsProd, a, b]
                    E: !Equals [!Ref Stage, prod]
                    F: !Join [',', [a, b]]
                    G: !Select [0, !Split [',', 'a,b']]
                    H: !Not [!Condition IsProd]
                    I: !FindInMap [M, k, v]
                    J: !Base64 text
                    """);

            assertThat(root.get("A")).isEqualTo(Map.of("Ref", "Table"));
            assertThat(root.get("B")).isEqualTo(Map.of("Fn::GetAtt", List.of("Table", "StreamArn")));
            assertThat(root.get("C")).isEqualTo(Map.of("Fn::Sub", "${AWS::Region}-x"));
            assertThat(root.get("D")).isEqualTo(Map.of("Fn::If", List.of("IsProd", "a", "b")));
            assertThat(root.get("E")).isEqualTo(Map.of("Fn::Equals", List.of(Map.of("Ref", "Stage"), "prod")));
            assertThat(root.get("F")).isEqualTo(Map.of("Fn::Join", List.of(",", List.of("a", "b"))));
            assertThat(root.get("G")).isEqualTo(Map.of("Fn::Select",
                    List.of("0", Map.of("Fn::Split", List.of(",", "a,b")))));
            assertThat(root.get("H")).isEqualTo(Map.of("Fn::Not", List.of(Map.of("Condition", "IsProd"))));
            assertThat(root.get("I")).isEqualTo(Map.of("Fn::FindInMap", List.of("M", "k", "v")));
            assertThat(root.get("J")).isEqualTo(Map.of("Fn::Base64", "text"));
        }

        @Test
        void scalarsStayAsWrittenExceptTrueAndFalse() {
            Map<String, Object> root = CfnYaml.load("""
                    version: 2010-09-09
                    mode: on
                    octal: 0755
                    flag: true
                    """);

            assertThat(root).containsEntry("version", "2010-09-09").containsEntry("mode", "on")
                    .containsEntry("octal", "0755").containsEntry("flag", true);
        }

        @Test
        void aDuplicateKeyIsRefused() {
            assertThatThrownBy(() -> CfnYaml.load("a: 1\na: 2\n")).isInstanceOf(TemplateException.class);
        }
    }

    @Nested
    class Functions {
        @Test
        void takeHandlerTimeoutAndMemoryFromTheFunctionOrGlobals() {
            SamTemplate template = sample();
            List<SamTemplate.FunctionSpec> functions = template.functions(boundIntrinsics(template, Map.of()));

            SamTemplate.FunctionSpec api = function(functions, "ApiFunction");
            assertThat(api.handlerClass()).isEqualTo("org.example.ApiHandler");
            assertThat(api.handlerMethod()).isEqualTo("handleRequest");
            assertThat(api.timeoutSeconds()).isEqualTo(10);
            assertThat(api.memoryMb()).isEqualTo(512);
            SamTemplate.FunctionSpec stream = function(functions, "StreamFunction");
            assertThat(stream.handlerMethod()).isEqualTo("handleRequest");
            assertThat(stream.timeoutSeconds()).isEqualTo(20);
        }

        @Test
        void aFunctionWhoseConditionIsFalseIsLeftOut() {
            SamTemplate template = sample();

            assertThat(template.functions(boundIntrinsics(template, Map.of())))
                    .extracting(SamTemplate.FunctionSpec::logicalId)
                    .containsExactly("ApiFunction", "StreamFunction");
        }

        @Test
        void mergeGlobalEnvironmentVariablesUnderTheirOwn() {
            SamTemplate template = sample();
            SamTemplate.FunctionSpec api = function(template.functions(boundIntrinsics(template, Map.of())),
                    "ApiFunction");

            assertThat(api.environment()).containsKeys("TABLE_NAME", "LOG_LEVEL", "MODERATION", "SENDER");
        }

        @Test
        void readHttpApiRoutesWithTheirMethodInCapitals() {
            SamTemplate template = sample();
            SamTemplate.FunctionSpec api = function(template.functions(boundIntrinsics(template, Map.of())),
                    "ApiFunction");

            assertThat(api.httpRoutes()).extracting(SamTemplate.HttpRoute::routeKey)
                    .containsExactly("POST /things", "POST /things/{id}/review");
            assertThat(api.unsupportedEvents()).containsExactly("Queue (SQS)");
            assertThat(api.schedules()).singleElement().satisfies(schedule -> {
                assertThat(schedule.eventName()).isEqualTo("Nightly");
                assertThat(schedule.expression()).isEqualTo("rate(1 day)");
                assertThat(schedule.enabled()).isTrue();
            });
        }

        @Test
        void readDynamoDbEventSourcesWithFiltersBatchingAndRetries() {
            SamTemplate template = sample();
            SamTemplate.StreamSource source = function(template.functions(boundIntrinsics(template, Map.of())),
                    "StreamFunction").streamSources().get(0);

            assertThat(source.eventName()).isEqualTo("Stream");
            assertThat(source.startingPosition()).isEqualTo("TRIM_HORIZON");
            assertThat(source.batchSize()).isEqualTo(7);
            assertThat(source.maximumRetryAttempts()).isEqualTo(2);
            assertThat(source.bisectBatchOnFunctionError()).isTrue();
            assertThat(source.reportBatchItemFailures()).isTrue();
            assertThat(source.filterPatterns()).containsExactly(
                    "{\"dynamodb\":{\"NewImage\":{\"entity\":{\"S\":[\"OUTBOX\"]}},"
                            + "\"OldImage\":{\"entity\":{\"S\":[{\"exists\":false}]}}}}",
                    "{\"dynamodb\":{\"NewImage\":{\"status\":{\"S\":[\"CLOSED\"]}}}}");
            assertThat(source.stream()).isEqualTo(Map.of("Fn::GetAtt", List.of("Table", "StreamArn")));
            assertThat(source.onFailureDestination()).isEqualTo(Map.of("Fn::GetAtt", List.of("Dlq", "Arn")));
        }

        @Test
        void refusesADynamoDbFilterOnTheTopLevelEventNameAsLambdaFiltersTheDynamodbKeyOnly() {
            SamTemplate template = SamTemplate.parse("""
                    Resources:
                      Consumer:
                        Type: AWS::Serverless::Function
                        Properties:
                          Handler: org.socialdeclik.local.testfunctions.RecordingStreamHandler
                          Events:
                            Stream:
                              Type: DynamoDB
                              Properties:
                                Stream: arn:aws:dynamodb:eu-west-3:123456789012:table/t/stream/x
                                FilterCriteria:
                                  Filters:
                                    - Pattern: '{"eventName":["INSERT"],"dynamodb":{"NewImage":{"entity":{"S":["OUTBOX"]}}}}'
                    """);

            assertThatThrownBy(() -> template.functions(new Intrinsics(template, Map.of(), TestTemplates.pseudo("stack"))))
                    .isInstanceOf(TemplateException.class)
                    .hasMessageContaining("Consumer.Events.Stream")
                    .hasMessageContaining("\"eventName\"");
        }
    }

    @Nested
    class Environment {
        private Map<String, String> environment(Map<String, String> parameters, LocalConfig config) {
            SamTemplate template = sample();
            Intrinsics intrinsics = boundIntrinsics(template, parameters);
            return FunctionEnvironment.resolve(function(template.functions(intrinsics), "ApiFunction"), intrinsics,
                    config, "http://127.0.0.1:3000", URI.create("http://127.0.0.1:5000"), URI.create("http://127.0.0.1:5001"));
        }

        @Test
        void resolvesEveryIntrinsicTheTemplateUses() {
            Map<String, String> env = environment(Map.of(), LocalConfig.defaults());

            assertThat(env).containsEntry("TABLE_NAME", "stack-table")
                    .containsEntry("MODERATION", "on")
                    .containsEntry("SENDER", "no-reply@example.org")
                    .containsEntry("ADMINS", "a@example.org,b@example.org")
                    .containsEntry("FIRST_ADMIN", "a@example.org")
                    .containsEntry("SECOND_PART", "y")
                    .containsEntry("STAGE_NAME", "dev-stage")
                    .containsEntry("EITHER", "yes-either")
                    .containsEntry("MATCHES", "25")
                    .containsEntry("REGION_AND_ACCOUNT", "eu-west-3:123456789012")
                    .containsEntry("LITERAL_SUB", "${NotAVariable}")
                    .containsEntry("SUB_WITH_VARIABLES", "Hello dev")
                    .containsEntry("TABLE_ARN", "arn:aws:dynamodb:eu-west-3:123456789012:table/t")
                    .containsEntry("STREAM_ARN", STREAM_ARN)
                    .containsEntry("SECRET_ARN", "arn:aws:secretsmanager:eu-west-3:123456789012:secret:k")
                    .containsEntry("CONFIG_SET", "stack-emails")
                    .containsEntry("NUMBER", "42")
                    .containsEntry("OCTAL_LOOKING", "0755")
                    .containsEntry("BOOLEAN", "true")
                    .doesNotContainKey("DROPPED");
        }

        @Test
        void pointsTheSdkAtTheEmulatorWithFakeCredentials() {
            Map<String, String> env = environment(Map.of(), LocalConfig.defaults());

            assertThat(env).containsEntry("AWS_REGION", "eu-west-3")
                    .containsEntry("AWS_ENDPOINT_URL", "http://127.0.0.1:5000")
                    .containsEntry("AWS_ENDPOINT_URL_SESV2", "http://127.0.0.1:5001")
                    .containsEntry("AWS_ACCESS_KEY_ID", "local")
                    .containsEntry("AWS_SECRET_ACCESS_KEY", "local");
        }

        @Test
        void moderationOffFromTheCallerWinsOverTheParameterDefault() {
            Map<String, String> env = environment(Map.of(), LocalConfig.defaults().withModeration(false));

            assertThat(env).containsEntry("MODERATION", "off");
        }

        @Test
        void aParameterOverrideChangesEveryValueBuiltFromIt() {
            Map<String, String> env = environment(Map.of("Stage", "prod"), LocalConfig.defaults());

            assertThat(env).containsEntry("STAGE_NAME", "production").containsEntry("DROPPED", "something");
        }

        @Test
        void anUnresolvableValueNamesTheFunctionAndTheVariable() {
            SamTemplate template = sample();
            Intrinsics intrinsics = boundIntrinsics(template, Map.of());
            SamTemplate.FunctionSpec stream = function(template.functions(intrinsics), "StreamFunction");

            assertThatThrownBy(() -> FunctionEnvironment.resolve(stream, intrinsics, LocalConfig.defaults(),
                    "http://127.0.0.1:3000", URI.create("http://127.0.0.1:5000"), null))
                    .isInstanceOf(TemplateException.class)
                    .hasMessageContaining("StreamFunction")
                    .hasMessageContaining("DLQ_URL")
                    .hasMessageContaining("Dlq");
        }

        @Test
        void aParameterWithoutDefaultIsNamedWhenUsed() {
            Intrinsics intrinsics = new Intrinsics(sample(), Map.of(), TestTemplates.pseudo("stack"));

            assertThatThrownBy(() -> intrinsics.resolveString(Map.of("Ref", "NoDefault")))
                    .isInstanceOf(TemplateException.class).hasMessageContaining("NoDefault");
        }
    }

    @Nested
    class TheProjectTemplate {
        private Path projectTemplate() {
            Optional<Path> found = SamTemplate.find(Path.of(""));
            Assumptions.assumeTrue(found.isPresent(), "no template.yaml above " + Path.of("").toAbsolutePath());
            return found.get();
        }

        @Test
        void declaresFunctionsTheLocalRunCanDrive() {
            SamTemplate template = SamTemplate.load(projectTemplate());
            Intrinsics intrinsics = new Intrinsics(template, Map.of(), TestTemplates.pseudo("socialdeclik-local"));

            List<SamTemplate.FunctionSpec> functions = template.functions(intrinsics);

            assertThat(functions).isNotEmpty();
            for (SamTemplate.FunctionSpec function : functions) {
                assertThat(function.handlerClass()).as(function.logicalId()).startsWith("org.socialdeclik.");
                assertThat(function.httpRoutes().size() + function.streamSources().size() + function.schedules().size()
                        + function.topics().size())
                        .as("triggers of " + function.logicalId()).isPositive();
                for (SamTemplate.StreamSource source : function.streamSources()) {
                    source.filterPatterns().forEach(EventPattern::parse);
                }
            }
        }

        @Test
        void declaresOneTableWithAStreamAndRoutesThatDoNotClash() {
            SamTemplate template = SamTemplate.load(projectTemplate());
            Intrinsics intrinsics = new Intrinsics(template, Map.of(), TestTemplates.pseudo("socialdeclik-local"));

            assertThat(template.resourcesOfType(SamTemplate.TABLE)).hasSize(1);
            assertThat(template.resourcesOfType(SamTemplate.TABLE).get(0).properties())
                    .containsKeys("KeySchema", "AttributeDefinitions", "StreamSpecification");
            Routes<String> routes = new Routes<>();
            for (SamTemplate.FunctionSpec function : template.functions(intrinsics)) {
                function.httpRoutes().forEach(r -> routes.add(r.method(), r.path(), function.logicalId()));
            }
            assertThat(routes.all()).isNotEmpty();
        }
    }
}
