package org.socialdeclik.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample of events/ is an event its function gets from what template.yaml wires to it, so
 * that {@code sam local invoke <Function> -e <sample>} (and the handler tests that load the
 * samples) exercise a real path: an HTTP sample is routed to that function by the HTTP API's
 * routes with its path parameters; each record of a stream sample passes that function's
 * FilterCriteria; a schedule sample comes from the function's kind of schedule; an SNS sample
 * comes from the topic the SES configuration set publishes that kind of event to.
 */
class SampleEventsTest {
    /** events/<folder> holds the samples of one function. */
    private static final Map<String, String> FUNCTION_OF_FOLDER = Map.of(
            "missions", "MissionsFunction",
            "profiles", "ProfilesFunction",
            "matching", "MatchingFunction",
            "notifier", "NotifierFunction",
            "deferred", "DeferredProposalsFunction",
            "follow-up", "MissionFollowUpFunction",
            "availability", "AvailabilityFunction",
            "feedback", "EmailFeedbackFunction",
            "recovery", "RecoveryFunction",
            "stats", "StatsFunction");

    private static final Path TEMPLATE = SamTemplate.find(Path.of("")).orElseThrow();
    private static final Path EVENTS = TEMPLATE.toAbsolutePath().getParent().resolve("events");
    private static final SamTemplate SAM = SamTemplate.load(TEMPLATE);
    private static final Map<String, SamTemplate.FunctionSpec> FUNCTIONS = new LinkedHashMap<>();

    static {
        Intrinsics intrinsics = new Intrinsics(SAM, Map.of(), LocalConfig.LOCAL_PARAMETER_VALUES,
                TestTemplates.pseudo("socialdeclik"));
        SAM.functions(intrinsics).forEach(function -> FUNCTIONS.put(function.logicalId(), function));
    }

    record Sample(String function, Path file) {
        JsonNode json() throws IOException {
            return LocalMapper.MAPPER.readTree(Files.readString(file));
        }

        @Override
        public String toString() {
            return EVENTS.relativize(file) + " -> " + function;
        }
    }

    static Stream<Sample> samples() throws IOException {
        List<Sample> samples = new ArrayList<>();
        try (Stream<Path> folders = Files.list(EVENTS)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                String function = FUNCTION_OF_FOLDER.get(folder.getFileName().toString());
                try (Stream<Path> files = Files.list(folder)) {
                    files.filter(f -> f.toString().endsWith(".json")).sorted()
                            .forEach(file -> samples.add(new Sample(function, file)));
                }
            }
        }
        return samples.stream();
    }

    @Test
    void everyFolderBelongsToAFunctionOfTheTemplateAndEveryFunctionHasSamples() throws IOException {
        List<Sample> all = samples().toList();
        assertThat(all).as("samples").isNotEmpty();
        assertThat(all).allSatisfy(sample -> assertThat(sample.function())
                .as("function of events/%s", sample.file().getParent().getFileName()).isNotNull());
        assertThat(FUNCTION_OF_FOLDER.values()).containsExactlyInAnyOrderElementsOf(FUNCTIONS.keySet());
        for (String function : FUNCTIONS.keySet()) {
            assertThat(all).as("samples of %s", function).anyMatch(sample -> sample.function().equals(function));
        }
    }

    /**
     * sam local sets only variables the template declares; the endpoint rides on JAVA_TOOL_OPTIONS
     * (the SDK's aws.endpointUrl property), and the names are those the local run gives its resources.
     */
    @Test
    void theSamLocalEnvironmentFilePointsTheFunctionsAtTheLocalRunsResources() throws IOException {
        JsonNode values = LocalMapper.MAPPER.readTree(Files.readString(EVENTS.resolve("sam-local-env.json"))).path("Parameters");
        Set<String> declared = new TreeSet<>();
        FUNCTIONS.values().forEach(function -> declared.addAll(function.environment().keySet()));
        values.fieldNames().forEachRemaining(name -> assertThat(declared).as("declared in template.yaml").contains(name));

        String tuning = FUNCTIONS.get("MissionsFunction").environment().get("JAVA_TOOL_OPTIONS").toString();
        assertThat(values.path("JAVA_TOOL_OPTIONS").asText()).startsWith(tuning + " ")
                .containsPattern(" -Daws\\.endpointUrl=http://\\S+$");
        String table = LocalConfig.DEFAULT_TABLE;
        assertThat(values.path("TABLE_NAME").asText()).isEqualTo(table);
        assertThat(values.path("SIGNING_KEY_SECRET_ARN").asText()).isEqualTo(
                LocalAws.secretName(table, SAM.resourcesOfType(SamTemplate.SECRET).get(0).logicalId()));
        assertThat(values.path("SES_CONFIGURATION_SET").asText()).isEqualTo(
                table + "-" + SAM.resourcesOfType(SamTemplate.SES_CONFIGURATION_SET).get(0).logicalId());
        assertThat(values.path("SENDER_EMAIL").asText()).isEqualTo(LocalConfig.LOCAL_PARAMETER_VALUES.get("SenderEmail"));
        assertThat(values.path("ADMIN_EMAILS").asText()).isEqualTo(LocalConfig.LOCAL_PARAMETER_VALUES.get("AdminEmails"));
        assertThat(values.path("FAILURE_QUEUE_URL").asText()).endsWith(
                "/" + table + "-" + SAM.resourcesOfType(SamTemplate.SQS_QUEUE).get(0).logicalId());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void isAnEventItsFunctionGets(Sample sample) throws IOException {
        JsonNode event = sample.json();
        SamTemplate.FunctionSpec function = FUNCTIONS.get(sample.function());
        if (event.has("routeKey")) {
            httpEvent(sample, event);
        } else if (event.path("Records").path(0).path("eventSource").asText().equals("aws:dynamodb")) {
            streamEvent(function, event);
        } else if (event.path("Records").path(0).path("EventSource").asText().equals("aws:sns")) {
            snsEvent(function, event);
        } else if (event.path("detail-type").asText().equals("Scheduled Event")) {
            scheduledEvent(function, event);
        } else {
            throw new AssertionError(sample + " is no HTTP API, DynamoDB stream, SNS or scheduler event");
        }
    }

    /** Routed as API Gateway would: the request's method and path reach this function's route. */
    private static void httpEvent(Sample sample, JsonNode event) {
        Routes<String> routes = new Routes<>();
        FUNCTIONS.values().forEach(f -> f.httpRoutes().forEach(r -> routes.add(r.method(), r.path(), f.logicalId())));
        String method = event.path("requestContext").path("http").path("method").asText();
        String rawPath = event.path("rawPath").asText();
        assertThat(event.path("version").asText()).as("payload format").isEqualTo("2.0");
        assertThat(event.path("requestContext").path("http").path("path").asText()).isEqualTo(rawPath);
        Optional<Routes.Match<String>> match = routes.match(method, rawPath);
        assertThat(match).as("a route for %s %s", method, rawPath).isPresent();
        assertThat(match.get().target()).as("function of %s %s", method, rawPath).isEqualTo(sample.function());
        assertThat(event.path("routeKey").asText()).isEqualTo(match.get().route().routeKey());
        assertThat(event.path("requestContext").path("routeKey").asText()).isEqualTo(match.get().route().routeKey());
        Map<String, String> parameters = new LinkedHashMap<>();
        event.path("pathParameters").fields().forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().asText()));
        assertThat(parameters).as("pathParameters").isEqualTo(match.get().pathParameters());
    }

    /** Each record passes the function's FilterCriteria, as Lambda's event filtering would judge it. */
    private static void streamEvent(SamTemplate.FunctionSpec function, JsonNode event) {
        assertThat(function.streamSources()).as("%s reads the table stream", function.logicalId()).isNotEmpty();
        List<EventPattern> filters = new ArrayList<>();
        function.streamSources().forEach(source -> source.filterPatterns().forEach(p -> filters.add(EventPattern.parse(p))));
        String viewType = SamTemplate.map(SAM.resourcesOfType(SamTemplate.TABLE).get(0).properties()
                .get("StreamSpecification"), "StreamSpecification").get("StreamViewType").toString();
        assertThat(event.path("Records")).isNotEmpty();
        for (JsonNode record : event.path("Records")) {
            assertThat(record.path("eventSourceARN").asText()).contains(":table/").contains("/stream/");
            assertThat(record.path("dynamodb").path("StreamViewType").asText()).isEqualTo(viewType);
            assertThat(EventPattern.anyMatches(filters, record))
                    .as("record %s passes the filters of %s", record.path("dynamodb").path("Keys"), function.logicalId())
                    .isTrue();
        }
    }

    /** From the topic the SES configuration set publishes to, with an event type it publishes. */
    private static void snsEvent(SamTemplate.FunctionSpec function, JsonNode event) throws IOException {
        List<String> topics = function.topics().stream().map(SamTemplate.TopicSubscription::topic).toList();
        assertThat(topics).as("%s subscribes to the SES event topic", function.logicalId())
                .containsAnyElementsOf(SAM.sesEventTopics());
        List<String> published = new ArrayList<>();
        for (SamTemplate.Resource destination : SAM.resourcesOfType(SamTemplate.SES_EVENT_DESTINATION)) {
            Object types = SamTemplate.map(destination.properties().get("EventDestination"), "EventDestination")
                    .get("MatchingEventTypes");
            ((List<?>) types).forEach(type -> published.add(type.toString().toLowerCase(Locale.ROOT)));
        }
        for (JsonNode record : event.path("Records")) {
            String topicArn = record.path("Sns").path("TopicArn").asText();
            assertThat(topics).as("topic of %s", topicArn).anyMatch(topicArn::contains);
            JsonNode message = LocalMapper.MAPPER.readTree(record.path("Sns").path("Message").asText());
            assertThat(published).contains(message.path("eventType").asText().toLowerCase(Locale.ROOT));
        }
    }

    /** From the kind of schedule the function declares: EventBridge Scheduler for ScheduleV2. */
    @SuppressWarnings("unchecked")
    private static void scheduledEvent(SamTemplate.FunctionSpec function, JsonNode event) {
        assertThat(function.schedules()).as("%s has a schedule", function.logicalId()).isNotEmpty();
        Map<String, Object> events = (Map<String, Object>) SamTemplate.map(SAM.resourcesOfType(SamTemplate.FUNCTION)
                .stream().filter(r -> r.logicalId().equals(function.logicalId())).findFirst().orElseThrow()
                .properties().get("Events"), "Events");
        List<String> sources = new ArrayList<>();
        for (SamTemplate.ScheduleSource schedule : function.schedules()) {
            Object type = SamTemplate.map(events.get(schedule.eventName()), schedule.eventName()).get("Type");
            sources.add("ScheduleV2".equals(type) ? "aws.scheduler" : "aws.events");
        }
        assertThat(sources).contains(event.path("source").asText());
    }
}
