package org.socialdeclik.shared.testing;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.socialdeclik.shared.aws.AwsClients;
import org.socialdeclik.shared.aws.DynamoStore;
import org.socialdeclik.shared.config.Env;
import org.socialdeclik.shared.token.Tokens;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * A fresh, isolated stack in the emulator for one integration test class: its own table,
 * signing key and verified sender. Needs {@code AWS_ENDPOINT_URL} (make test starts the emulator).
 */
public final class Emulator {
    public static final String SENDER = "noreply@socialdeclik.example";
    public static final String ADMIN = "admin@socialdeclik.example";

    private final Map<String, String> env;
    private final AwsClients clients;
    private final DynamoDbClient dynamo;
    private final String table;
    private final byte[] key;

    private Emulator(Map<String, String> env, AwsClients clients, String table, byte[] key) {
        this.env = env;
        this.clients = clients;
        this.dynamo = clients.dynamoDb();
        this.table = table;
        this.key = key;
    }

    public static Emulator start() {
        String endpoint = System.getenv("AWS_ENDPOINT_URL");
        if (endpoint == null || endpoint.isBlank()) {
            throw new IllegalStateException("AWS_ENDPOINT_URL is not set: run integration tests through `make test`");
        }
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ENDPOINT_URL", endpoint);
        env.put("AWS_REGION", "eu-west-3");
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        AwsClients clients = new AwsClients(Env.of(env));
        String table = "it-" + UUID.randomUUID();
        createTable(clients.dynamoDb(), table);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String secretValue = HexFormat.of().formatHex(random);
        String secretArn;
        try (var secrets = clients.secretsManager()) {
            secretArn = secrets.createSecret(b -> b.name("it-key-" + UUID.randomUUID()).secretString(secretValue)).arn();
        }
        try (var ses = clients.ses()) {
            ses.createEmailIdentity(b -> b.emailIdentity(SENDER));
        }
        env.put("TABLE_NAME", table);
        env.put("SIGNING_KEY_SECRET_ARN", secretArn);
        env.put("SENDER_EMAIL", SENDER);
        env.put("ADMIN_EMAILS", ADMIN);
        env.put("WEB_BASE_URL", "http://127.0.0.1:8080");
        env.put("API_BASE_URL", "http://127.0.0.1:3000");
        env.put("MODERATION", "on");
        return new Emulator(env, clients, table, secretValue.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Creates a table shaped as template.yaml declares it (keys pk/sk, stream with both images,
     * the admins' queue index).
     */
    public static void createTable(DynamoDbClient dynamo, String name) {
        dynamo.createTable(b -> b.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("missionStatus").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("createdAt").attributeType(ScalarAttributeType.S))
                .keySchema(
                        k -> k.attributeName("pk").keyType(KeyType.HASH),
                        k -> k.attributeName("sk").keyType(KeyType.RANGE))
                .globalSecondaryIndexes(g -> g.indexName("MissionsByStatus")
                        .keySchema(k -> k.attributeName("missionStatus").keyType(KeyType.HASH),
                                k -> k.attributeName("createdAt").keyType(KeyType.RANGE))
                        .projection(p -> p.projectionType(software.amazon.awssdk.services.dynamodb.model.ProjectionType.ALL)))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
    }

    /** The environment a function would get from the template, pointing at this stack. */
    public Map<String, String> env() {
        return Map.copyOf(env);
    }

    public Map<String, String> env(String name, String value) {
        Map<String, String> copy = new HashMap<>(env);
        copy.put(name, value);
        return Map.copyOf(copy);
    }

    public AwsClients clients() {
        return clients;
    }

    public DynamoDbClient dynamo() {
        return dynamo;
    }

    public String table() {
        return table;
    }

    public DynamoStore store() {
        return new DynamoStore(dynamo, table);
    }

    public org.socialdeclik.shared.aws.DynamoMissionActivity activity() {
        return new org.socialdeclik.shared.aws.DynamoMissionActivity(dynamo, table);
    }

    /** Tokens signed with this stack's key, as the functions sign them. */
    public Tokens tokens() {
        return tokens(Clock.systemUTC());
    }

    /** The same, as minted (or checked) at another time. */
    public Tokens tokens(Clock clock) {
        return new Tokens(key, clock);
    }

    /** Every item of the table (tests only: the code never scans). */
    public java.util.List<Map<String, AttributeValue>> items() {
        return dynamo.scan(b -> b.tableName(table).consistentRead(true)).items();
    }

    public java.util.List<Map<String, AttributeValue>> items(String entity) {
        return items().stream().filter(i -> i.containsKey("entity") && entity.equals(i.get("entity").s())).toList();
    }
}
