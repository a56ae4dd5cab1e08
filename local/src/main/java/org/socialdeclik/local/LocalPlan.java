package org.socialdeclik.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The first phase of the local run: what it will run, read from {@code template.yaml} and the
 * configuration alone. No emulator, no server, no thread: the functions with their routes,
 * schedules, topics and stream sources, each stream source's filters (compiled, so that a bad
 * pattern stops the run before anything starts), and the parameters and pseudo parameters the
 * template's intrinsics are resolved with. Immutable; {@code LocalPlanTest} reads the project's
 * template with it.
 *
 * @param config the configuration, its {@code webBaseUrl} settled (the template's
 *     {@code WebOrigin} and {@code WebBaseUrl} parameters are the local ones)
 * @param filters per function and stream event ({@link #filters(SamTemplate.FunctionSpec,
 *     SamTemplate.StreamSource)}), in the template's order
 */
record LocalPlan(Path templatePath, SamTemplate template, LocalConfig config, Map<String, Object> pseudoParameters,
                 Map<String, String> parameters, List<SamTemplate.FunctionSpec> functions,
                 Map<String, List<EventPattern>> filters) {

    LocalPlan {
        pseudoParameters = Collections.unmodifiableMap(new LinkedHashMap<>(pseudoParameters));
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        functions = List.copyOf(functions);
        Map<String, List<EventPattern>> copied = new LinkedHashMap<>();
        filters.forEach((key, patterns) -> copied.put(key, List.copyOf(patterns)));
        filters = Collections.unmodifiableMap(copied);
    }

    /** The configured template, else {@code template.yaml} in the working directory or a parent. */
    static Path locateTemplate(LocalConfig config) {
        return config.template() != null ? config.template()
                : SamTemplate.find(Path.of("")).orElseThrow(() -> new TemplateException(
                        "No template.yaml in " + Path.of("").toAbsolutePath() + " or its parents"));
    }

    /** Reads and checks everything that can be checked without the emulator. */
    static LocalPlan read(Path templatePath, SamTemplate template, LocalConfig config) {
        String region = config.region();
        String account = LocalPlatform.ACCOUNT_ID;
        Map<String, Object> pseudo = new LinkedHashMap<>();
        pseudo.put("AWS::Region", region);
        pseudo.put("AWS::AccountId", account);
        pseudo.put("AWS::StackName", config.tableName());
        pseudo.put("AWS::StackId", "arn:aws:cloudformation:" + region + ":" + account + ":stack/"
                + config.tableName() + "/local");
        pseudo.put("AWS::Partition", "aws");
        pseudo.put("AWS::URLSuffix", "amazonaws.com");
        pseudo.put("AWS::NotificationARNs", List.of());
        // The web app's origin and URL are the local ones whatever the template defaults to.
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("WebOrigin", Cors.origin(config.webBaseUrl()));
        parameters.put("WebBaseUrl", config.webBaseUrl());
        parameters.putAll(config.parameterOverrides());

        List<SamTemplate.FunctionSpec> specs = template.functions(
                new Intrinsics(template, parameters, LocalConfig.LOCAL_PARAMETER_VALUES, pseudo));
        Map<String, List<EventPattern>> filters = new LinkedHashMap<>();
        Routes<SamTemplate.FunctionSpec> routeCheck = new Routes<>();
        for (SamTemplate.FunctionSpec spec : specs) {
            for (SamTemplate.StreamSource source : spec.streamSources()) {
                List<EventPattern> patterns = new ArrayList<>();
                for (String pattern : source.filterPatterns()) {
                    try {
                        patterns.add(EventPattern.parse(pattern));
                    } catch (TemplateException e) {
                        throw new TemplateException("Function " + spec.logicalId() + ", event " + source.eventName()
                                + ": " + e.getMessage(), e);
                    }
                }
                filters.put(key(spec, source), patterns);
            }
            for (SamTemplate.HttpRoute route : spec.httpRoutes()) {
                routeCheck.add(route.method(), route.path(), spec);
            }
        }
        return new LocalPlan(templatePath, template, config, pseudo, parameters, specs, filters);
    }

    /**
     * A resolver of the template's intrinsics on this plan's parameters. Each call gives a new one:
     * provisioning binds the resources it creates (tables, secrets, queues) into its own.
     */
    Intrinsics intrinsics() {
        return new Intrinsics(template, parameters, LocalConfig.LOCAL_PARAMETER_VALUES, pseudoParameters);
    }

    /** The compiled filters of one stream source (an empty list lets every record through). */
    List<EventPattern> filters(SamTemplate.FunctionSpec spec, SamTemplate.StreamSource source) {
        return filters.getOrDefault(key(spec, source), List.of());
    }

    /** The HttpApi's CorsConfiguration (the resource's, else the Globals'), unresolved; null when none. */
    Object corsConfiguration() {
        for (SamTemplate.Resource httpApi : template.resourcesOfType(SamTemplate.HTTP_API)) {
            Object cors = httpApi.properties().get("CorsConfiguration");
            if (cors != null) {
                return cors;
            }
        }
        return template.globals("HttpApi").get("CorsConfiguration");
    }

    private static String key(SamTemplate.FunctionSpec spec, SamTemplate.StreamSource source) {
        return spec.logicalId() + "." + source.eventName();
    }
}
