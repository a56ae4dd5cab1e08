package org.socialdeclik.local;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AlreadyExistsException;
import software.amazon.awssdk.services.sesv2.model.GetEmailIdentityResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The runner's own SDK clients on the emulator, and what it provisions there from the template:
 * tables (keys, indexes, stream, TTL), secrets, SES identities and configuration sets, SQS queues.
 */
final class LocalAws implements AutoCloseable {
    static final String ACCESS_KEY = "local";
    static final String SECRET_KEY = "local";
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private final SdkHttpClient http;
    final DynamoDbClient dynamoDb;
    final DynamoDbStreamsClient streams;
    final SecretsManagerClient secrets;
    final SesV2Client ses;
    final SqsClient sqs;

    LocalAws(URI endpoint, String region) {
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(20))
                .build();
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
        Region r = Region.of(region);
        this.dynamoDb = DynamoDbClient.builder().endpointOverride(endpoint).region(r).credentialsProvider(credentials)
                .httpClient(http).build();
        this.streams = DynamoDbStreamsClient.builder().endpointOverride(endpoint).region(r)
                .credentialsProvider(credentials).httpClient(http).build();
        this.secrets = SecretsManagerClient.builder().endpointOverride(endpoint).region(r)
                .credentialsProvider(credentials).httpClient(http).build();
        this.ses = SesV2Client.builder().endpointOverride(endpoint).region(r).credentialsProvider(credentials)
                .httpClient(http).build();
        this.sqs = SqsClient.builder().endpointOverride(endpoint).region(r).credentialsProvider(credentials)
                .httpClient(http).build();
    }

    record Queue(String url, String arn) {
    }

    /** Creates a queue (or takes the one of that name); the template's properties change nothing locally. */
    Queue createQueue(String name) {
        String url = sqs.createQueue(b -> b.queueName(name)).queueUrl();
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        return new Queue(url, arn);
    }

    /** @param created false when the table was there already and is reused */
    record Table(String name, String arn, String streamArn, boolean created) {
    }

    /**
     * Creates the table as the template declares it (or takes it as it is when it exists already),
     * waits until it is active, and enables its TTL.
     */
    Table createTable(String name, Map<String, Object> properties, Intrinsics intrinsics, String logicalId) {
        String where = "Resources." + logicalId + ".Properties.";
        CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(name);
        List<AttributeDefinition> attributes = new ArrayList<>();
        for (Map<String, Object> definition : maps(intrinsics.resolve(properties.get("AttributeDefinitions")),
                where + "AttributeDefinitions")) {
            attributes.add(AttributeDefinition.builder().attributeName(text(definition, "AttributeName"))
                    .attributeType(text(definition, "AttributeType")).build());
        }
        request.attributeDefinitions(attributes);
        request.keySchema(keySchema(intrinsics.resolve(properties.get("KeySchema")), where + "KeySchema"));
        String billing = intrinsics.resolveString(properties.get("BillingMode"));
        boolean onDemand = "PAY_PER_REQUEST".equals(billing);
        if (onDemand) {
            request.billingMode(BillingMode.PAY_PER_REQUEST);
        } else {
            request.billingMode(BillingMode.PROVISIONED)
                    .provisionedThroughput(throughput(intrinsics.resolve(properties.get("ProvisionedThroughput"))));
        }
        List<GlobalSecondaryIndex> globalIndexes = new ArrayList<>();
        for (Map<String, Object> index : maps(intrinsics.resolve(properties.get("GlobalSecondaryIndexes")),
                where + "GlobalSecondaryIndexes")) {
            GlobalSecondaryIndex.Builder gsi = GlobalSecondaryIndex.builder()
                    .indexName(text(index, "IndexName"))
                    .keySchema(keySchema(index.get("KeySchema"), where + "GlobalSecondaryIndexes.KeySchema"))
                    .projection(projection(index.get("Projection")));
            if (!onDemand) {
                gsi.provisionedThroughput(throughput(index.get("ProvisionedThroughput")));
            }
            globalIndexes.add(gsi.build());
        }
        if (!globalIndexes.isEmpty()) {
            request.globalSecondaryIndexes(globalIndexes);
        }
        List<LocalSecondaryIndex> localIndexes = new ArrayList<>();
        for (Map<String, Object> index : maps(intrinsics.resolve(properties.get("LocalSecondaryIndexes")),
                where + "LocalSecondaryIndexes")) {
            localIndexes.add(LocalSecondaryIndex.builder().indexName(text(index, "IndexName"))
                    .keySchema(keySchema(index.get("KeySchema"), where + "LocalSecondaryIndexes.KeySchema"))
                    .projection(projection(index.get("Projection"))).build());
        }
        if (!localIndexes.isEmpty()) {
            request.localSecondaryIndexes(localIndexes);
        }
        Map<String, Object> stream = SamTemplate.map(intrinsics.resolve(properties.get("StreamSpecification")),
                where + "StreamSpecification");
        if (stream.get("StreamViewType") != null) {
            request.streamSpecification(StreamSpecification.builder().streamEnabled(true)
                    .streamViewType(stream.get("StreamViewType").toString()).build());
        }
        boolean created = true;
        try {
            dynamoDb.createTable(request.build());
        } catch (ResourceInUseException e) {
            created = false; // there already (an emulator that outlived a run, LocalStack): reused as it is
        }
        TableDescription table = awaitActive(name);
        if (!created) {
            requireSameKeys(table, request.build(), where);
        }
        Map<String, Object> ttl = SamTemplate.map(intrinsics.resolve(properties.get("TimeToLiveSpecification")),
                where + "TimeToLiveSpecification");
        if (ttl.get("AttributeName") != null && Boolean.parseBoolean(String.valueOf(ttl.get("Enabled")))) {
            String attribute = ttl.get("AttributeName").toString();
            var current = dynamoDb.describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription();
            if (current == null || current.attributeName() == null || !current.attributeName().equals(attribute)) {
                dynamoDb.updateTimeToLive(b -> b.tableName(name)
                        .timeToLiveSpecification(t -> t.attributeName(attribute).enabled(true)));
            }
        }
        return new Table(name, table.tableArn(), table.latestStreamArn(), created);
    }

    /** A reused table must have the declared keys and stream, or the functions would fail in odd ways later. */
    private static void requireSameKeys(TableDescription table, CreateTableRequest declared, String where) {
        if (!table.keySchema().equals(declared.keySchema())) {
            throw new TemplateException("Table " + table.tableName() + " exists with the keys " + table.keySchema()
                    + ", not the " + where + "KeySchema " + declared.keySchema()
                    + ": delete it, or give this run another name (--table NAME)");
        }
        if (declared.streamSpecification() != null && (table.streamSpecification() == null
                || !Boolean.TRUE.equals(table.streamSpecification().streamEnabled())
                || table.streamSpecification().streamViewType() != declared.streamSpecification().streamViewType())) {
            throw new TemplateException("Table " + table.tableName() + " exists without the " + where
                    + "StreamSpecification " + declared.streamSpecification().streamViewTypeAsString()
                    + ": delete it, or give this run another name (--table NAME)");
        }
    }

    private TableDescription awaitActive(String name) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            TableDescription table = dynamoDb.describeTable(b -> b.tableName(name)).table();
            if (table.tableStatus() == TableStatus.ACTIVE || System.nanoTime() > deadline) {
                return table;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return table;
            }
        }
    }

    private static List<KeySchemaElement> keySchema(Object value, String where) {
        List<KeySchemaElement> keys = new ArrayList<>();
        for (Map<String, Object> key : maps(value, where)) {
            keys.add(KeySchemaElement.builder().attributeName(text(key, "AttributeName"))
                    .keyType(text(key, "KeyType")).build());
        }
        if (keys.isEmpty()) {
            throw new TemplateException(where + " is missing");
        }
        return keys;
    }

    private static Projection projection(Object value) {
        Map<String, Object> projection = SamTemplate.map(value, "Projection");
        Projection.Builder builder = Projection.builder()
                .projectionType(projection.getOrDefault("ProjectionType", "ALL").toString());
        if (projection.get("NonKeyAttributes") instanceof List<?> attributes) {
            builder.nonKeyAttributes(attributes.stream().map(String::valueOf).toList());
        }
        return builder.build();
    }

    private static ProvisionedThroughput throughput(Object value) {
        Map<String, Object> throughput = SamTemplate.map(value, "ProvisionedThroughput");
        return ProvisionedThroughput.builder()
                .readCapacityUnits(Long.parseLong(String.valueOf(throughput.getOrDefault("ReadCapacityUnits", "5"))))
                .writeCapacityUnits(Long.parseLong(String.valueOf(throughput.getOrDefault("WriteCapacityUnits", "5"))))
                .build();
    }

    private static List<Map<String, Object>> maps(Object value, String where) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new TemplateException(where + " must be a list");
        }
        List<Map<String, Object>> maps = new ArrayList<>();
        for (Object item : list) {
            maps.add(SamTemplate.map(item, where + "[]"));
        }
        return maps;
    }

    private static String text(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            throw new TemplateException(key + " is missing in " + map);
        }
        return value.toString();
    }

    /** The name of a template secret in the emulator: the run's table name, then its logical id. */
    static String secretName(String tableName, String logicalId) {
        return tableName + "/" + logicalId;
    }

    /** A secret of the run: its ARN, and whether it was there already. */
    record Secret(String arn, boolean created) {
    }

    /**
     * Creates a secret whose value is generated as the template's GenerateSecretString says, with a
     * fresh random key; a secret of that name that exists already (an emulator that outlived a run)
     * is reused with its value, so the links of the emails it signed still work. The value is never logged.
     */
    Secret createSecret(String name, Map<String, Object> properties, Intrinsics intrinsics) {
        String value = secretValue(SamTemplate.map(intrinsics.resolve(properties.get("GenerateSecretString")),
                "GenerateSecretString"), new SecureRandom());
        try {
            return new Secret(secrets.createSecret(b -> b.name(name).secretString(value)
                    .description("Local run: generated at its first start")).arn(), true);
        } catch (ResourceExistsException e) {
            return new Secret(secrets.describeSecret(b -> b.secretId(name)).arn(), false);
        }
    }

    static String secretValue(Map<String, Object> generate, SecureRandom random) {
        int length = generate.get("PasswordLength") == null ? 64
                : Integer.parseInt(generate.get("PasswordLength").toString().trim());
        StringBuilder alphabet = new StringBuilder(ALPHANUMERIC);
        // As Secrets Manager: punctuation is in unless excluded; without GenerateSecretString, letters and digits.
        if (!generate.isEmpty() && !Boolean.parseBoolean(String.valueOf(generate.get("ExcludePunctuation")))) {
            alphabet.append(PUNCTUATION);
        }
        String excluded = generate.get("ExcludeCharacters") == null ? "" : generate.get("ExcludeCharacters").toString();
        if (Boolean.parseBoolean(String.valueOf(generate.get("ExcludeUppercase")))) {
            excluded += "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        }
        if (Boolean.parseBoolean(String.valueOf(generate.get("ExcludeLowercase")))) {
            excluded += "abcdefghijklmnopqrstuvwxyz";
        }
        if (Boolean.parseBoolean(String.valueOf(generate.get("ExcludeNumbers")))) {
            excluded += "0123456789";
        }
        StringBuilder allowed = new StringBuilder();
        for (char c : alphabet.toString().toCharArray()) {
            if (excluded.indexOf(c) < 0) {
                allowed.append(c);
            }
        }
        if (allowed.isEmpty()) {
            throw new TemplateException("GenerateSecretString excludes every character");
        }
        StringBuilder secret = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            secret.append(allowed.charAt(random.nextInt(allowed.length())));
        }
        Object template = generate.get("SecretStringTemplate");
        Object key = generate.get("GenerateStringKey");
        if (template != null && key != null) {
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> json = new LinkedHashMap<>(LocalMapper.MAPPER.readValue(template.toString(), Map.class));
                json.put(key.toString(), secret.toString());
                return LocalMapper.string(json);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new TemplateException("GenerateSecretString.SecretStringTemplate is not JSON");
            }
        }
        return secret.toString();
    }

    /**
     * Creates the configuration set, or reuses the one of that name (an emulator that outlived a
     * run: moto then refuses a second CreateConfigurationSet with a plain 400). "created",
     * "reused", or, when the emulator does not implement SES v2 configuration sets (HTTP 501, as
     * LocalStack's coverage lists them), "not supported": the emails still name it.
     */
    String createConfigurationSet(String name) {
        try {
            // Listed rather than read: moto's GetConfigurationSet answer does not parse in the Java SDK.
            if (ses.listConfigurationSetsPaginator(b -> b.pageSize(100)).stream()
                    .anyMatch(page -> page.configurationSets().contains(name))) {
                return "reused";
            }
            try {
                ses.createConfigurationSet(b -> b.configurationSetName(name));
            } catch (AlreadyExistsException raced) {
                return "reused"; // another run on the same emulator made it in between
            }
            return "created";
        } catch (SdkServiceException e) {
            if (e.statusCode() == 501) {
                return "not supported by this emulator";
            }
            throw e;
        }
    }

    /** Creates the identity; true when SES then says it may send. */
    boolean verifyEmailIdentity(String identity) {
        try {
            ses.createEmailIdentity(b -> b.emailIdentity(identity));
        } catch (AlreadyExistsException e) {
            // Already there from an earlier start against the same emulator.
        }
        GetEmailIdentityResponse state = ses.getEmailIdentity(b -> b.emailIdentity(identity));
        return Boolean.TRUE.equals(state.verifiedForSendingStatus())
                || "SUCCESS".equals(state.verificationStatusAsString());
    }

    /** The address in {@code "Name <address>"} or the text itself. */
    static String address(String from) {
        int open = from.indexOf('<');
        int close = from.indexOf('>', open + 1);
        return open >= 0 && close > open ? from.substring(open + 1, close).trim() : from.trim();
    }

    @Override
    public void close() {
        dynamoDb.close();
        streams.close();
        secrets.close();
        ses.close();
        sqs.close();
        http.close();
    }
}
