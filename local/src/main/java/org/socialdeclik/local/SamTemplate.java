package org.socialdeclik.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a SAM template declares, read as CloudFormation does and exposed in the shapes the local
 * run needs: functions with their handler, timeout, environment, HTTP API routes and DynamoDB
 * stream event sources; the resources it provisions in the emulator. Nothing is hard-wired here:
 * everything comes from the template the project deploys.
 */
final class SamTemplate {
    static final String FUNCTION = "AWS::Serverless::Function";
    static final String HTTP_API = "AWS::Serverless::HttpApi";
    static final String TABLE = "AWS::DynamoDB::Table";
    static final String SIMPLE_TABLE = "AWS::Serverless::SimpleTable";
    static final String SECRET = "AWS::SecretsManager::Secret";
    static final String SES_CONFIGURATION_SET = "AWS::SES::ConfigurationSet";
    static final String SES_EMAIL_IDENTITY = "AWS::SES::EmailIdentity";

    static final String SES_EVENT_DESTINATION = "AWS::SES::ConfigurationSetEventDestination";
    static final String SQS_QUEUE = "AWS::SQS::Queue";

    private static final java.util.Set<String> SUPPORTED_EVENTS = java.util.Set.of("HttpApi", "DynamoDB", "Schedule",
            "ScheduleV2", "SNS");
    private static final int DEFAULT_TIMEOUT_SECONDS = 3;
    private static final int DEFAULT_MEMORY_MB = 128;
    private static final int DEFAULT_STREAM_BATCH_SIZE = 100;

    private final Map<String, Object> root;
    private final String source;

    private SamTemplate(Map<String, Object> root, String source) {
        this.root = root;
        this.source = source;
    }

    static SamTemplate load(Path file) {
        return new SamTemplate(CfnYaml.load(file), file.toString());
    }

    static SamTemplate parse(String yaml) {
        return new SamTemplate(CfnYaml.load(yaml), "<string>");
    }

    /** The nearest {@code template.yaml} in {@code start} or one of its parents. */
    static Optional<Path> find(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("template.yaml");
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    String source() {
        return source;
    }

    Map<String, Object> root() {
        return root;
    }

    Map<String, Object> parameters() {
        return map(root.get("Parameters"), "Parameters");
    }

    Map<String, Object> conditions() {
        return map(root.get("Conditions"), "Conditions");
    }

    Map<String, Object> mappings() {
        return map(root.get("Mappings"), "Mappings");
    }

    Map<String, Object> globals(String section) {
        return map(map(root.get("Globals"), "Globals").get(section), "Globals." + section);
    }

    /** Every resource in declaration order. */
    Map<String, Resource> resources() {
        Map<String, Resource> resources = new LinkedHashMap<>();
        map(root.get("Resources"), "Resources").forEach((id, value) -> {
            Map<String, Object> body = map(value, "Resources." + id);
            Object type = body.get("Type");
            if (!(type instanceof String t)) {
                throw new TemplateException("Resource " + id + " has no Type");
            }
            resources.put(id, new Resource(id, t, map(body.get("Properties"), id + ".Properties"),
                    body.get("Condition") instanceof String c ? c : null));
        });
        return resources;
    }

    List<Resource> resourcesOfType(String type) {
        return resources().values().stream().filter(r -> r.type().equals(type)).toList();
    }

    Optional<Resource> resource(String logicalId) {
        return Optional.ofNullable(resources().get(logicalId));
    }

    /** The functions, with Globals.Function merged in as SAM does. */
    List<FunctionSpec> functions(Intrinsics intrinsics) {
        Map<String, Object> globals = globals("Function");
        List<FunctionSpec> functions = new ArrayList<>();
        for (Resource resource : resourcesOfType(FUNCTION)) {
            if (resource.condition() != null && !intrinsics.condition(resource.condition())) {
                continue;
            }
            functions.add(function(resource, globals, intrinsics));
        }
        return functions;
    }

    private FunctionSpec function(Resource resource, Map<String, Object> globals, Intrinsics intrinsics) {
        String id = resource.logicalId();
        Map<String, Object> props = resource.properties();
        String handler = string(intrinsics, first(props.get("Handler"), globals.get("Handler")), id + ".Handler");
        if (handler == null) {
            throw new TemplateException("Function " + id + " has no Handler");
        }
        int timeout = integer(intrinsics, first(props.get("Timeout"), globals.get("Timeout")), id + ".Timeout",
                DEFAULT_TIMEOUT_SECONDS);
        int memory = integer(intrinsics, first(props.get("MemorySize"), globals.get("MemorySize")),
                id + ".MemorySize", DEFAULT_MEMORY_MB);
        String name = string(intrinsics, props.get("FunctionName"), id + ".FunctionName");

        Map<String, Object> environment = new LinkedHashMap<>();
        environment.putAll(variables(globals, "Globals.Function"));
        environment.putAll(variables(props, id));
        Map<String, Object> logging = new LinkedHashMap<>();
        logging.putAll(map(globals.get("LoggingConfig"), "Globals.Function.LoggingConfig"));
        logging.putAll(map(props.get("LoggingConfig"), id + ".LoggingConfig"));

        List<HttpRoute> routes = new ArrayList<>();
        List<StreamSource> streams = new ArrayList<>();
        List<ScheduleSource> schedules = new ArrayList<>();
        List<TopicSubscription> topics = new ArrayList<>();
        map(props.get("Events"), id + ".Events").forEach((eventName, value) -> {
            Map<String, Object> event = map(value, id + ".Events." + eventName);
            Object type = event.get("Type");
            Map<String, Object> ep = map(event.get("Properties"), id + ".Events." + eventName + ".Properties");
            String where = id + ".Events." + eventName;
            if ("HttpApi".equals(type)) {
                routes.add(httpRoute(eventName, ep, intrinsics, where));
            } else if ("DynamoDB".equals(type)) {
                streams.add(streamSource(eventName, ep, intrinsics, where));
            } else if ("Schedule".equals(type) || "ScheduleV2".equals(type)) {
                schedules.add(scheduleSource(eventName, ep, intrinsics, where));
            } else if ("SNS".equals(type)) {
                topics.add(new TopicSubscription(eventName, topicId(ep.get("Topic"), where + ".Topic")));
            }
            // Other event types are not emulated: unsupportedEvents() names them for the log.
        });
        return new FunctionSpec(id, name == null ? id : name, handler, timeout, memory, environment, logging,
                List.copyOf(routes), List.copyOf(streams), List.copyOf(schedules), List.copyOf(topics),
                unsupportedEvents(props, id));
    }

    private List<String> unsupportedEvents(Map<String, Object> props, String id) {
        List<String> unsupported = new ArrayList<>();
        map(props.get("Events"), id + ".Events").forEach((eventName, value) -> {
            Object type = map(value, eventName).get("Type");
            if (!SUPPORTED_EVENTS.contains(String.valueOf(type))) {
                unsupported.add(eventName + " (" + type + ")");
            }
        });
        return List.copyOf(unsupported);
    }

    private static HttpRoute httpRoute(String eventName, Map<String, Object> ep, Intrinsics intrinsics, String where) {
        String path = string(intrinsics, ep.get("Path"), where + ".Path");
        String method = string(intrinsics, ep.get("Method"), where + ".Method");
        if (path == null) {
            path = HttpRoute.DEFAULT_ROUTE;
        }
        method = method == null ? "ANY" : method.toUpperCase(Locale.ROOT);
        return new HttpRoute(eventName, method, path, ep.get("ApiId"));
    }

    private static StreamSource streamSource(String eventName, Map<String, Object> ep, Intrinsics intrinsics,
            String where) {
        List<String> patterns = new ArrayList<>();
        Map<String, Object> criteria = map(ep.get("FilterCriteria"), where + ".FilterCriteria");
        Object filters = criteria.get("Filters");
        if (filters != null) {
            if (!(filters instanceof List<?> list)) {
                throw new TemplateException(where + ".FilterCriteria.Filters must be a list");
            }
            for (Object filter : list) {
                Object pattern = map(filter, where + ".FilterCriteria.Filters[]").get("Pattern");
                Object resolved = intrinsics.resolve(pattern);
                if (resolved instanceof String s) {
                    patterns.add(s);
                } else if (resolved instanceof Map<?, ?> m) {
                    try {
                        patterns.add(LocalMapper.MAPPER.writeValueAsString(m));
                    } catch (JsonProcessingException e) {
                        throw new TemplateException(where + ": cannot read filter pattern", e);
                    }
                } else {
                    throw new TemplateException(where + ".FilterCriteria.Filters[].Pattern must be a JSON string");
                }
                requireDynamodbKeyOnly(patterns.getLast(), where);
            }
        }
        boolean reportItemFailures = false;
        Object types = intrinsics.resolve(ep.get("FunctionResponseTypes"));
        if (types instanceof List<?> list) {
            reportItemFailures = list.contains("ReportBatchItemFailures");
        }
        Object destination = null;
        Map<String, Object> destinationConfig = map(ep.get("DestinationConfig"), where + ".DestinationConfig");
        if (!destinationConfig.isEmpty()) {
            destination = map(destinationConfig.get("OnFailure"), where + ".DestinationConfig.OnFailure")
                    .get("Destination");
        }
        String startingPosition = string(intrinsics, ep.get("StartingPosition"), where + ".StartingPosition");
        return new StreamSource(eventName, ep.get("Stream"),
                startingPosition == null ? "LATEST" : startingPosition,
                integer(intrinsics, ep.get("BatchSize"), where + ".BatchSize", DEFAULT_STREAM_BATCH_SIZE),
                integer(intrinsics, ep.get("MaximumRetryAttempts"), where + ".MaximumRetryAttempts", -1),
                bool(intrinsics, ep.get("BisectBatchOnFunctionError"), where + ".BisectBatchOnFunctionError", false),
                reportItemFailures, List.copyOf(patterns), destination,
                bool(intrinsics, ep.get("Enabled"), where + ".Enabled", true));
    }

    /**
     * Lambda filters DynamoDB stream records on their {@code dynamodb} key only (Lambda developer
     * guide, "Using event filtering with a DynamoDB event source"): a pattern that also tests
     * {@code eventName} or another top-level key is refused here rather than emulated in a way
     * AWS does not promise.
     */
    private static void requireDynamodbKeyOnly(String pattern, String where) {
        JsonNode node;
        try {
            node = LocalMapper.MAPPER.readTree(pattern);
        } catch (JsonProcessingException e) {
            return; // EventPattern.parse reports a pattern that is not JSON
        }
        if (node != null && node.isObject()) {
            for (String key : (Iterable<String>) node::fieldNames) {
                if (!key.equals("dynamodb")) {
                    throw new TemplateException(where + ": a DynamoDB stream filter may test the record's \"dynamodb\""
                            + " key only, not \"" + key + "\" (Lambda filters DynamoDB events on that key only): " + pattern);
                }
            }
        }
    }

    private static ScheduleSource scheduleSource(String eventName, Map<String, Object> ep, Intrinsics intrinsics,
            String where) {
        String expression = string(intrinsics, ep.get("Schedule") != null ? ep.get("Schedule")
                : ep.get("ScheduleExpression"), where + ".Schedule");
        if (expression == null) {
            throw new TemplateException(where + " has no Schedule expression");
        }
        boolean enabled = bool(intrinsics, ep.get("Enabled"), where + ".Enabled", true);
        String state = string(intrinsics, ep.get("State"), where + ".State");
        if (state != null) {
            enabled = state.equalsIgnoreCase("ENABLED");
        }
        String timeZone = string(intrinsics, ep.get("ScheduleExpressionTimezone"), where + ".ScheduleExpressionTimezone");
        LocalCron.parse(expression, timeZone); // a cron expression or time zone the local run cannot follow is said now
        return new ScheduleSource(eventName, expression, enabled, string(intrinsics, ep.get("Input"), where + ".Input"), timeZone);
    }

    private static Map<String, Object> variables(Map<String, Object> holder, String where) {
        Map<String, Object> environment = map(holder.get("Environment"), where + ".Environment");
        return map(environment.get("Variables"), where + ".Environment.Variables");
    }

    private static Object first(Object a, Object b) {
        return a != null ? a : b;
    }

    static String string(Intrinsics intrinsics, Object raw, String where) {
        if (raw == null) {
            return null;
        }
        Object value = intrinsics.resolve(raw);
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw new TemplateException(where + " must be a string");
    }

    static int integer(Intrinsics intrinsics, Object raw, String where, int fallback) {
        String value = string(intrinsics, raw, where);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new TemplateException(where + " must be an integer, got '" + value + "'");
        }
    }

    static boolean bool(Intrinsics intrinsics, Object raw, String where, boolean fallback) {
        String value = string(intrinsics, raw, where);
        if (value == null) {
            return fallback;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new TemplateException(where + " must be true or false, got '" + value + "'");
        };
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String where) {
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new TemplateException(where + " must be a mapping");
    }

    record Resource(String logicalId, String type, Map<String, Object> properties, String condition) {
    }

    /** One Lambda function as the template declares it (environment values still unresolved). */
    record FunctionSpec(String logicalId, String functionName, String handler, int timeoutSeconds,
            int memoryMb, Map<String, Object> environment, Map<String, Object> loggingConfig,
            List<HttpRoute> httpRoutes, List<StreamSource> streamSources, List<ScheduleSource> schedules,
            List<TopicSubscription> topics, List<String> unsupportedEvents) {

        String handlerClass() {
            int sep = handler.indexOf("::");
            return sep < 0 ? handler : handler.substring(0, sep);
        }

        String handlerMethod() {
            int sep = handler.indexOf("::");
            return sep < 0 ? "handleRequest" : handler.substring(sep + 2);
        }
    }

    /** An {@code HttpApi} event: a route of the HTTP API. */
    record HttpRoute(String eventName, String method, String path, Object apiId) {
        static final String DEFAULT_ROUTE = "$default";

        String routeKey() {
            return path.equals(DEFAULT_ROUTE) ? DEFAULT_ROUTE : method + " " + path;
        }
    }

    /** An {@code SNS} event: the function is subscribed to a topic of the template (by logical id). */
    record TopicSubscription(String eventName, String topic) {
    }

    /** A topic given as {@code !Ref Topic} (the local run knows topics by their logical id). */
    private static String topicId(Object topic, String where) {
        if (topic instanceof Map<?, ?> ref && ref.get("Ref") instanceof String id) {
            return id;
        }
        if (topic instanceof String arn) {
            return arn.substring(arn.lastIndexOf(':') + 1);
        }
        throw new TemplateException(where + " must be !Ref of a topic of the template");
    }

    /** The topics the SES configuration sets publish their events to (bounces, complaints ...). */
    List<String> sesEventTopics() {
        List<String> topics = new ArrayList<>();
        sesEventTopicsByType().values().forEach(list -> list.stream().filter(t -> !topics.contains(t)).forEach(topics::add));
        return List.copyOf(topics);
    }

    /** The SNS topics of the SES event destinations, by the event types each matches (lower case). */
    Map<String, List<String>> sesEventTopicsByType() {
        Map<String, List<String>> byType = new LinkedHashMap<>();
        for (Resource destination : resourcesOfType(SES_EVENT_DESTINATION)) {
            Map<String, Object> spec = map(destination.properties().get("EventDestination"),
                    destination.logicalId() + ".EventDestination");
            Object sns = spec.get("SnsDestination");
            if (sns == null || Boolean.FALSE.equals(spec.get("Enabled"))) {
                continue;
            }
            String topic = topicId(map(sns, destination.logicalId() + ".SnsDestination").get("TopicARN"),
                    destination.logicalId() + ".SnsDestination.TopicARN");
            Object types = spec.get("MatchingEventTypes");
            if (types instanceof List<?> list) {
                for (Object type : list) {
                    byType.computeIfAbsent(String.valueOf(type).toLowerCase(java.util.Locale.ROOT), t -> new ArrayList<>())
                            .add(topic);
                }
            }
        }
        return byType;
    }

    /**
     * A {@code Schedule} or {@code ScheduleV2} event: {@code rate(...)} or {@code cron(...)}, the
     * latter read in {@code timeZone} (ScheduleV2's ScheduleExpressionTimezone; null: UTC).
     */
    record ScheduleSource(String eventName, String expression, boolean enabled, String input, String timeZone) {
        ScheduleSource(String eventName, String expression, boolean enabled, String input) {
            this(eventName, expression, enabled, input, null);
        }
    }

    /** A {@code DynamoDB} event: an event source mapping on a table stream. */
    record StreamSource(String eventName, Object stream, String startingPosition, int batchSize,
            int maximumRetryAttempts, boolean bisectBatchOnFunctionError, boolean reportBatchItemFailures,
            List<String> filterPatterns, Object onFailureDestination, boolean enabled) {
    }
}
