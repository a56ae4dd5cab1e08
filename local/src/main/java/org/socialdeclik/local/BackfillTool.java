package org.socialdeclik.local;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.socialdeclik.shared.aws.AwsClients;
import org.socialdeclik.shared.aws.CalendarBackfill;
import org.socialdeclik.shared.config.Env;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code make backfill}: plans, once after upgrading, the availability checks and last notices
 * that the versions before the two calendars never planned ({@link CalendarBackfill}).
 *
 * <p>With {@code STACK_TABLE} (what {@code make backfill STACK=...} reads from the stack's
 * {@code TableName} output) it works on that table in AWS, with the shell's credentials and
 * {@code AWS_REGION}; otherwise on the local run's table, found as {@code make token} finds it
 * (AWS_ENDPOINT_URL and TABLE, else the run answering on API). {@code AVAILABILITY_CHECK_DAYS} is
 * the check period (the stack's parameter; 60 by default, as the functions').
 */
public final class BackfillTool {
    private BackfillTool() {
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        try {
            String stackTable = env.get("STACK_TABLE");
            Map<String, String> clientEnv;
            String table;
            if (stackTable != null && !stackTable.isBlank()) {
                clientEnv = new HashMap<>(env);
                clientEnv.remove("AWS_ENDPOINT_URL");
                table = stackTable.trim();
            } else {
                TokenTool.LocalTarget target = TokenTool.localTarget(env);
                clientEnv = target.functionEnv();
                table = target.table();
            }
            Duration checkAfter = Duration.ofDays(Env.of(env).getInt("AVAILABILITY_CHECK_DAYS", 60));
            try (DynamoDbClient dynamo = new AwsClients(Env.of(clientEnv)).dynamoDb()) {
                new CalendarBackfill(dynamo, table, Clock.systemUTC(), checkAfter).run(System.out::println);
            }
        } catch (IllegalArgumentException | IllegalStateException | SdkException e) {
            System.err.println("make backfill: " + e.getMessage());
            System.exit(1);
        }
    }
}
