package org.socialdeclik.shared.aws;

import org.socialdeclik.shared.ports.MatchRepository;
import org.socialdeclik.shared.ports.MissionActivity;
import org.socialdeclik.shared.ports.MissionRepository;
import org.socialdeclik.shared.ports.OutboxRepository;
import org.socialdeclik.shared.ports.ProfileRepository;
import org.socialdeclik.shared.ports.SuppressionList;
import org.socialdeclik.shared.ports.WorkLedger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The single table behind every port: one adapter per port ({@link DynamoMissions},
 * {@link DynamoProfiles}, {@link DynamoMatches}, {@link DynamoSuppressions}, {@link OutboxTable}
 * (the outbox items' delivery states), {@link LedgerTable} (the work the sweep finds still to do),
 * {@link DynamoMissionActivity}) over one {@link DynamoTable}; the items' layout is
 * {@link TableLayout}'s. Built once per container ({@link Wiring#store()}).
 */
public record DynamoStore(MissionRepository missions, ProfileRepository profiles, MatchRepository matches,
                          SuppressionList suppressions, OutboxRepository outbox, WorkLedger ledger,
                          MissionActivity activity) {

    public DynamoStore(DynamoDbClient dynamo, String table) {
        this(new DynamoTable(dynamo, table), new LedgerTable(dynamo, table));
    }

    private DynamoStore(DynamoTable table, LedgerTable ledger) {
        this(new DynamoMissions(table), new DynamoProfiles(table), new DynamoMatches(table), new DynamoSuppressions(table),
                new OutboxTable(table.dynamo(), table.name(), ledger), ledger,
                new DynamoMissionActivity(table.dynamo(), table.name()));
    }
}
