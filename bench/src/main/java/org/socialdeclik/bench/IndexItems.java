package org.socialdeclik.bench;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.socialdeclik.shared.aws.TableLayout;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The active-profile index items among those written: how many, their size, their cards' size. */
final class IndexItems {
    long items;
    long bytes;
    long cardBytes;

    void count(Map<String, AttributeValue> item) {
        if (TableLayout.text(item, TableLayout.PK).startsWith(TableLayout.skillKey(""))) {
            items++;
            bytes += ItemSize.of(item);
            cardBytes += TableLayout.text(item, TableLayout.CARD).getBytes(StandardCharsets.UTF_8).length;
        }
    }
}
