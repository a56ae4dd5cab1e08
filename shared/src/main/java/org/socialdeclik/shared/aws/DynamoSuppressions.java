package org.socialdeclik.shared.aws;

import java.time.Instant;
import org.socialdeclik.shared.ports.SuppressionList;

/** Addresses that bounced for good or complained ({@code SUPPRESS#sha256(email) / A}): never written to again. */
public final class DynamoSuppressions implements SuppressionList {
    private final DynamoTable table;

    DynamoSuppressions(DynamoTable table) {
        this.table = table;
    }

    @Override
    public void suppress(String email, String reason, Instant now) {
        table.dynamo().putItem(b -> b.tableName(table.name()).item(TableLayout.suppressedItem(email, reason, now)));
    }

    @Override
    public boolean suppressed(String email) {
        return table.get(TableLayout.suppressKey(email), TableLayout.MAIN).isPresent();
    }
}
