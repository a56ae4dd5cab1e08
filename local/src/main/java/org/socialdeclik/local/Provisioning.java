package org.socialdeclik.local;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second phase of the local run: what the plan declares, created on the emulator (the
 * tables with their streams, the secrets with fresh random values, the SES configuration sets and
 * sender identities, the failure queues), and each function's environment resolved against it.
 */
final class Provisioning {
    private static final Logger LOG = LoggerFactory.getLogger(Provisioning.class);

    private Provisioning() {
    }

    /**
     * What provisioning made. Immutable, but for the resolver: {@code intrinsics} holds the
     * resources provisioning bound (a stream's ARN, a queue's URL) and is only read afterwards.
     *
     * @param senders every address a function sends from, each asked to be verified
     * @param unverifiedSenders those SES does not report as verified (sending may be refused)
     */
    record Provisioned(Intrinsics intrinsics, List<String> tables, List<String> senders,
                       List<String> unverifiedSenders, Map<String, Map<String, String>> environments,
                       String moderation) {
        Provisioned {
            tables = List.copyOf(tables);
            senders = List.copyOf(senders);
            unverifiedSenders = List.copyOf(unverifiedSenders);
            Map<String, Map<String, String>> copied = new LinkedHashMap<>();
            environments.forEach((id, env) -> copied.put(id, Collections.unmodifiableMap(new LinkedHashMap<>(env))));
            environments = Collections.unmodifiableMap(copied);
        }

        Map<String, String> environmentOf(String logicalId) {
            return environments.getOrDefault(logicalId, Map.of());
        }
    }

    /**
     * @param apiBaseUrl the local API (its {@code ApiEndpoint}, the functions' {@code API_BASE_URL})
     * @param sesEndpoint the local SES front the functions send through
     */
    static Provisioned run(LocalPlan plan, LocalAws aws, FailureDestination failures, String apiBaseUrl, URI endpoint,
            URI sesEndpoint) {
        LocalConfig config = plan.config();
        SamTemplate template = plan.template();
        Intrinsics intrinsics = plan.intrinsics();
        List<String> tables = new ArrayList<>();
        List<String> identities = new ArrayList<>();
        List<SamTemplate.Resource> declaredTables = active(template.resourcesOfType(SamTemplate.TABLE), intrinsics);
        for (SamTemplate.Resource table : declaredTables) {
            String name = declaredTables.size() == 1 ? config.tableName()
                    : config.tableName() + "-" + table.logicalId();
            LocalAws.Table created = aws.createTable(name, table.properties(), intrinsics, table.logicalId());
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("Arn", created.arn());
            if (created.streamArn() != null) {
                attributes.put("StreamArn", created.streamArn());
            }
            intrinsics.bind(table.logicalId(), name, attributes);
            tables.add(name);
            LOG.info("Table {} {} (resource {}, stream {})", name, created.created() ? "created" : "reused",
                    table.logicalId(), created.streamArn());
        }
        for (SamTemplate.Resource secret : active(template.resourcesOfType(SamTemplate.SECRET), intrinsics)) {
            LocalAws.Secret created = aws.createSecret(LocalAws.secretName(config.tableName(), secret.logicalId()),
                    secret.properties(), intrinsics);
            intrinsics.bind(secret.logicalId(), created.arn(), Map.of("Id", created.arn()));
            LOG.info("Secret {} {} ({})", secret.logicalId(),
                    created.created() ? "created with a fresh random value" : "reused with its value", created.arn());
        }
        for (SamTemplate.Resource set : active(template.resourcesOfType(SamTemplate.SES_CONFIGURATION_SET),
                intrinsics)) {
            String name = intrinsics.resolveString(set.properties().get("Name"));
            if (name == null) {
                name = config.tableName() + "-" + set.logicalId();
            }
            String outcome = aws.createConfigurationSet(name);
            intrinsics.bind(set.logicalId(), name, Map.of());
            LOG.info("SES configuration set {} {}", name, outcome);
        }
        for (SamTemplate.Resource identity : active(template.resourcesOfType(SamTemplate.SES_EMAIL_IDENTITY),
                intrinsics)) {
            String name = intrinsics.resolveString(identity.properties().get("EmailIdentity"));
            if (name != null) {
                intrinsics.bind(identity.logicalId(), name, Map.of());
                identities.add(LocalAws.address(name));
            }
        }
        failures.provisionQueues(active(template.resourcesOfType(SamTemplate.SQS_QUEUE), intrinsics), intrinsics, aws,
                config.tableName());
        Map<String, Object> apiAttributes = Map.of("ApiEndpoint", apiBaseUrl, "ApiId", "local");
        intrinsics.bind("ServerlessHttpApi", "local", apiAttributes);
        for (SamTemplate.Resource httpApi : template.resourcesOfType(SamTemplate.HTTP_API)) {
            intrinsics.bind(httpApi.logicalId(), "local", apiAttributes);
        }

        Map<String, Map<String, String>> environments = new LinkedHashMap<>();
        for (SamTemplate.FunctionSpec spec : plan.functions()) {
            environments.put(spec.logicalId(),
                    FunctionEnvironment.resolve(spec, intrinsics, config, apiBaseUrl, endpoint, sesEndpoint));
        }
        Set<String> senders = new LinkedHashSet<>(identities);
        environments.values().forEach(env -> {
            if (env.get("SENDER_EMAIL") != null) {
                senders.add(LocalAws.address(env.get("SENDER_EMAIL")));
            }
        });
        List<String> unverified = new ArrayList<>();
        for (String sender : senders) {
            if (!aws.verifyEmailIdentity(sender)) {
                unverified.add(sender);
                LOG.warn("SES does not report {} as verified: sending from it may be refused", sender);
            }
        }
        return new Provisioned(intrinsics, tables, List.copyOf(senders), unverified, environments,
                moderation(environments, config));
    }

    static List<SamTemplate.Resource> active(List<SamTemplate.Resource> resources, Intrinsics intrinsics) {
        return resources.stream().filter(r -> r.condition() == null || intrinsics.condition(r.condition())).toList();
    }

    private static String moderation(Map<String, Map<String, String>> environments, LocalConfig config) {
        for (Map<String, String> env : environments.values()) {
            if (env.containsKey("MODERATION")) {
                return env.get("MODERATION");
            }
        }
        return config.moderation();
    }
}
