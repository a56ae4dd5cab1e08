package org.socialdeclik.local;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A function's environment in the local run: the template's variables (Globals merged), resolved;
 * the local run's own values where the deployed ones cannot work here (WEB_BASE_URL, API_BASE_URL,
 * the SDK's endpoint, region and credentials); MODERATION and a few others set by the caller.
 */
final class FunctionEnvironment {
    private static final Set<String> SET_BY_RUNNER = Set.of("AWS_REGION", "AWS_DEFAULT_REGION",
            "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_SESV2", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN");

    private FunctionEnvironment() {
    }

    /**
     * @param sesEndpoint the local SES front ({@link LocalSes}), given to the SDK as
     *                    {@code AWS_ENDPOINT_URL_SESV2}; null: SES on {@code endpoint} like the rest
     */
    static Map<String, String> resolve(SamTemplate.FunctionSpec spec, Intrinsics intrinsics, LocalConfig config,
            String apiBaseUrl, URI endpoint, URI sesEndpoint) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (Map.Entry<String, Object> variable : spec.environment().entrySet()) {
            String name = variable.getKey();
            String value;
            if (SET_BY_RUNNER.contains(name)) {
                continue;
            } else if (name.equals("WEB_BASE_URL")) {
                value = config.webBaseUrl();
            } else if (name.equals("API_BASE_URL")) {
                value = apiBaseUrl;
            } else if (name.equals("MODERATION") && config.moderation() != null) {
                value = config.moderation();
            } else if (config.variableOverrides().containsKey(name)) {
                value = config.variableOverrides().get(name);
            } else {
                try {
                    value = intrinsics.resolveString(variable.getValue());
                } catch (TemplateException e) {
                    throw new TemplateException("Function " + spec.logicalId() + ", environment variable " + name
                            + ": " + e.getMessage(), e);
                }
                if (value == null) {
                    continue; // !Ref AWS::NoValue
                }
            }
            environment.put(name, value);
        }
        // With LoggingConfig, Lambda tells the function its log format and level through these.
        String format = optional(intrinsics, spec.loggingConfig().get("LogFormat"));
        if (format != null) {
            environment.put("AWS_LAMBDA_LOG_FORMAT", format);
        }
        String level = optional(intrinsics, spec.loggingConfig().get("ApplicationLogLevel"));
        if (level != null) {
            environment.put("AWS_LAMBDA_LOG_LEVEL", level);
        }
        environment.put("AWS_REGION", config.region());
        environment.put("AWS_DEFAULT_REGION", config.region());
        environment.put("AWS_ENDPOINT_URL", endpoint.toString());
        if (sesEndpoint != null) {
            environment.put("AWS_ENDPOINT_URL_SESV2", sesEndpoint.toString());
        }
        environment.put("AWS_ACCESS_KEY_ID", LocalAws.ACCESS_KEY);
        environment.put("AWS_SECRET_ACCESS_KEY", LocalAws.SECRET_KEY);
        environment.put("AWS_LAMBDA_FUNCTION_NAME", spec.functionName());
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(spec.memoryMb()));
        return Map.copyOf(environment);
    }

    private static String optional(Intrinsics intrinsics, Object raw) {
        try {
            return raw == null ? null : intrinsics.resolveString(raw);
        } catch (TemplateException e) {
            return null;
        }
    }
}
