package org.socialdeclik.shared.aws;

import static org.socialdeclik.shared.aws.TableLayout.s;
import static org.socialdeclik.shared.aws.TableLayout.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.socialdeclik.shared.Json;
import org.socialdeclik.shared.domain.MissionStatus;
import org.socialdeclik.shared.domain.match.MissionCard;
import org.socialdeclik.shared.domain.match.ProfileCard;
import org.socialdeclik.shared.domain.vocab.Learning;
import org.socialdeclik.shared.domain.vocab.Vocabulary;
import org.socialdeclik.shared.ports.StoredProfile;
import org.socialdeclik.shared.ports.VocabularyBook;
import org.socialdeclik.shared.ports.WorkLedger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The vocabularies' book in the table (kind is {@code skill} or {@code cause}):
 * <ul>
 *   <li>{@code UNKNOWN#kind / normalForm}: a word no term knew, {@code text} as first typed, {@code count}</li>
 *   <li>{@code USES#kind#normalForm / PROFILE#id | MISSION#id}: who typed it</li>
 *   <li>{@code LEARNT#kind / TERM#id}: a term an admin added ({@code doc}: id, fr, en, synonyms)</li>
 *   <li>{@code LEARNT#kind / KEY#normalForm}: a text that leads to a learnt or known term ({@code termId}):
 *       one item per key, written only if absent, so two keys can never lead to two terms</li>
 * </ul>
 * Each list is one partition: reading what was learnt is one query per vocabulary.
 */
public final class DynamoVocabulary implements VocabularyBook {
    private final DynamoTable table;
    private final DynamoProfiles profiles;
    private final DynamoMissions missions;

    public DynamoVocabulary(DynamoDbClient dynamo, String table) {
        this.table = new DynamoTable(dynamo, table);
        this.profiles = new DynamoProfiles(this.table);
        this.missions = new DynamoMissions(this.table);
    }

    private static String kind(Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void noteUnknown(Kind kind, List<String> typed, String user) {
        for (String text : typed) {
            String key = Vocabulary.normalise(text);
            table.dynamo().updateItem(b -> b.tableName(table.name())
                    .key(TableLayout.key("UNKNOWN#" + kind(kind), key))
                    .updateExpression("SET entity = :e, #text = if_not_exists(#text, :t) ADD #count :one")
                    .expressionAttributeNames(Map.of("#text", "text", "#count", "count"))
                    .expressionAttributeValues(Map.of(":e", s("UNKNOWN_WORD"), ":t", s(text.strip()),
                            ":one", AttributeValue.fromN("1"))));
            Map<String, AttributeValue> use = new LinkedHashMap<>(TableLayout.key("USES#" + kind(kind) + "#" + key, user));
            use.put(TableLayout.ENTITY, s("WORD_USE"));
            table.dynamo().putItem(b -> b.tableName(table.name()).item(use));
        }
    }

    @Override
    public List<Unknown> unknown() {
        List<Unknown> out = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (Map<String, AttributeValue> item : table.queryPartition("UNKNOWN#" + kind(kind))) {
                out.add(new Unknown(kind, text(item, "text"), Long.parseLong(item.get("count").n())));
            }
        }
        return out;
    }

    @Override
    public void forgetUnknown(Kind kind, String normalForm) {
        table.dynamo().deleteItem(b -> b.tableName(table.name()).key(TableLayout.key("UNKNOWN#" + kind(kind), normalForm)));
        for (String user : users(kind, normalForm)) {
            table.dynamo().deleteItem(b -> b.tableName(table.name())
                    .key(TableLayout.key("USES#" + kind(kind) + "#" + normalForm, user)));
        }
    }

    @Override
    public List<String> users(Kind kind, String normalForm) {
        return table.queryPartition("USES#" + kind(kind) + "#" + normalForm).stream()
                .map(item -> text(item, TableLayout.SK)).toList();
    }

    @Override
    public boolean teach(Kind kind, Learning.NewTerm newTerm, List<String> synonymKeys, String termId, Instant now) {
        String pk = "LEARNT#" + kind(kind);
        List<TransactWriteItem> items = new ArrayList<>();
        if (newTerm != null) {
            Map<String, AttributeValue> term = new LinkedHashMap<>(TableLayout.key(pk, "TERM#" + newTerm.id()));
            term.put(TableLayout.ENTITY, s("LEARNT_TERM"));
            var doc = Json.object().put("id", newTerm.id()).put("fr", newTerm.fr()).put("en", newTerm.en());
            newTerm.synonyms().forEach(doc.putArray("synonyms")::add);
            term.put(TableLayout.DOC, s(Json.write(doc)));
            term.put(TableLayout.CREATED_AT, s(now.toString()));
            items.add(table.putNew(term));
        }
        for (String key : synonymKeys) {
            Map<String, AttributeValue> item = new LinkedHashMap<>(TableLayout.key(pk, "KEY#" + key));
            item.put(TableLayout.ENTITY, s("LEARNT_KEY"));
            item.put("termId", s(termId));
            item.put(TableLayout.CREATED_AT, s(now.toString()));
            items.add(table.putNew(item));
        }
        try {
            table.transact(items);
            return true;
        } catch (TransactionCanceledException e) {
            if (DynamoTable.anyFailed(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Learning.Learned skills() {
        return learned(Kind.SKILL);
    }

    @Override
    public Learning.Learned causes() {
        return learned(Kind.CAUSE);
    }

    private Learning.Learned learned(Kind kind) {
        List<Learning.NewTerm> terms = new ArrayList<>();
        Map<String, String> keys = new LinkedHashMap<>();
        for (Map<String, AttributeValue> item : table.queryPartition("LEARNT#" + kind(kind))) {
            String sk = text(item, TableLayout.SK);
            if (sk.startsWith("TERM#")) {
                JsonNode doc = parse(text(item, TableLayout.DOC));
                List<String> synonyms = new ArrayList<>();
                doc.path("synonyms").forEach(x -> synonyms.add(x.asText()));
                terms.add(new Learning.NewTerm(doc.path("id").asText(), doc.path("fr").asText(), doc.path("en").asText(), synonyms));
            } else if (sk.startsWith("KEY#")) {
                keys.put(sk.substring("KEY#".length()), text(item, "termId"));
            }
        }
        return new Learning.Learned(terms, keys);
    }

    @Override
    public void reindex(String user, String staleSkillId, Instant now) {
        if (user.startsWith("PROFILE#")) {
            String id = TableLayout.profileId(user);
            profiles.findProfile(id).filter(StoredProfile::matchable).ifPresent(stored -> rewrite(user,
                    staleSkillId == null ? null : TableLayout.skillKey(staleSkillId),
                    TableLayout.profileSkillItems(ProfileCard.of(stored.profile())),
                    TableLayout.ledgerItem(WorkLedger.Kind.PROFILE, id, now)));
        } else if (user.startsWith("MISSION#")) {
            String id = user.substring("MISSION#".length());
            missions.findMission(id).filter(m -> m.status() == MissionStatus.PUBLISHED).ifPresent(stored -> rewrite(user,
                    staleSkillId == null ? null : TableLayout.openKey(staleSkillId),
                    MissionItems.openMissionItems(MissionCard.of(stored.mission())),
                    TableLayout.ledgerItem(WorkLedger.Kind.MISSION, id, now)));
        }
    }

    /** In one transaction: the index item under the stale key gone, the index items written again, the work on the ledger. */
    private void rewrite(String user, String stalePk, List<Map<String, AttributeValue>> index, Map<String, AttributeValue> work) {
        List<TransactWriteItem> items = new ArrayList<>();
        if (stalePk != null) {
            items.add(table.delete(stalePk, user));
        }
        index.forEach(item -> items.add(table.put(item)));
        items.add(table.put(work));
        table.transact(items);
    }

    private static JsonNode parse(String json) {
        try {
            return Json.parse(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a learnt term that cannot be read", e);
        }
    }
}
