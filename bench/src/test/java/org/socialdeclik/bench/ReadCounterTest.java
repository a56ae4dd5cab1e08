package org.socialdeclik.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

class ReadCounterTest {
    static final Map<String, AttributeValue> ITEM = Map.of("pk", AttributeValue.fromS("SKILL#seo"), "sk", AttributeValue.fromS("PROFILE#p"));

    static QueryRequest query(String pk) {
        return QueryRequest.builder().keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk))).build();
    }

    @Test
    void a_query_counts_the_items_it_returned_and_those_a_filter_dropped() {
        ReadCounter counter = new ReadCounter();

        counter.record(query("SKILL#seo"), QueryResponse.builder().items(List.of(ITEM, ITEM)).count(2).scannedCount(5).build());

        assertThat(counter.snapshot().items()).isEqualTo(5);
        assertThat(counter.snapshot().items("SKILL")).isEqualTo(5);
        assertThat(counter.snapshot().requests()).isEqualTo(1);
    }

    @Test
    void a_get_counts_one_when_it_finds_the_item_and_none_when_it_misses() {
        ReadCounter counter = new ReadCounter();
        GetItemRequest get = GetItemRequest.builder().key(Map.of("pk", AttributeValue.fromS("PROFILE#p"))).build();

        counter.record(get, GetItemResponse.builder().item(ITEM).build());
        counter.record(get, GetItemResponse.builder().build());

        assertThat(counter.snapshot().items("PROFILE")).isEqualTo(1);
        assertThat(counter.snapshot().requests()).isEqualTo(2);
    }

    @Test
    void writes_are_not_reads_and_reset_starts_again_from_zero() {
        ReadCounter counter = new ReadCounter();
        counter.record(PutItemRequest.builder().build(), PutItemResponse.builder().build());
        assertThat(counter.snapshot().requests()).isZero();

        counter.record(query("PROFILE#p"), QueryResponse.builder().count(0).scannedCount(0).build());
        counter.reset();

        assertThat(counter.snapshot().requests()).isZero();
        assertThat(counter.snapshot().byFamily()).isEmpty();
    }

    @Test
    void the_size_of_an_item_is_its_names_and_values_in_bytes() {
        assertThat(ItemSize.of(Map.of("pk", AttributeValue.fromS("SKILL#é")))).isEqualTo(2 + 8);
        assertThat(ItemSize.of(Map.of("ttl", AttributeValue.fromN("1767225600")))).isEqualTo(3 + 5);
    }
}
