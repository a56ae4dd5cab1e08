package org.socialdeclik.bench;

import java.util.Map;
import java.util.TreeMap;
import org.socialdeclik.shared.aws.TableLayout;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;

/**
 * Counts what a DynamoDB client reads, from the responses it receives, because the emulator's
 * consumed-capacity figures are not real.
 *
 * <p>Items read, per response:
 * <ul>
 *   <li>Query, Scan: the items returned plus those the key condition matched but a filter dropped,
 *       i.e. {@code Count + (ScannedCount - Count)} = {@code max(Count, ScannedCount)};</li>
 *   <li>GetItem: 1 when an item came back, 0 for a miss;</li>
 *   <li>BatchGetItem, TransactGetItems: the items that came back.</li>
 * </ul>
 * Writes (TransactWriteItems condition checks included) are not reads and are not counted.
 * Reads are also grouped by the key family they touched: the part of {@code pk} before the first
 * {@code #} ({@code SKILL}, {@code PROFILE}, ...), and the DynamoDB size of every returned item is
 * summed, so that averages per family can be printed.
 */
public final class ReadCounter implements ExecutionInterceptor {

    /** What was read between two {@link #reset()}s. */
    public record Reads(long requests, long items, long bytes, Map<String, Family> byFamily) {
        public long items(String family) {
            Family f = byFamily.get(family);
            return f == null ? 0 : f.items();
        }
    }

    /** Reads of one key family. */
    public record Family(long requests, long items, long bytes) {
        Family plus(long requests, long items, long bytes) {
            return new Family(this.requests + requests, this.items + items, this.bytes + bytes);
        }
    }

    private long requests;
    private long items;
    private long bytes;
    private Map<String, Family> byFamily = new TreeMap<>();

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        record(context.request(), context.response());
    }

    /** Adds one request and its response (public for tests). */
    public synchronized void record(SdkRequest request, SdkResponse response) {
        long read;
        long size = 0;
        switch (response) {
            case QueryResponse r -> {
                read = itemsRead(r.count(), r.scannedCount());
                for (Map<String, AttributeValue> item : r.items()) {
                    size += ItemSize.of(item);
                }
            }
            case ScanResponse r -> {
                read = itemsRead(r.count(), r.scannedCount());
                for (Map<String, AttributeValue> item : r.items()) {
                    size += ItemSize.of(item);
                }
            }
            case GetItemResponse r -> {
                boolean hit = r.hasItem() && !r.item().isEmpty();
                read = hit ? 1 : 0;
                size = hit ? ItemSize.of(r.item()) : 0;
            }
            case BatchGetItemResponse r -> {
                read = 0;
                for (var table : r.responses().values()) {
                    read += table.size();
                    for (Map<String, AttributeValue> item : table) {
                        size += ItemSize.of(item);
                    }
                }
            }
            case TransactGetItemsResponse r -> {
                read = 0;
                for (ItemResponse one : r.responses()) {
                    if (one.hasItem() && !one.item().isEmpty()) {
                        read++;
                        size += ItemSize.of(one.item());
                    }
                }
            }
            default -> {
                return; // not a read
            }
        }
        requests++;
        items += read;
        bytes += size;
        byFamily.merge(family(request), new Family(1, read, size), (a, b) -> a.plus(b.requests(), b.items(), b.bytes()));
    }

    /** Returned items plus filtered-out ones; a missing count reads as 0. */
    static long itemsRead(Integer count, Integer scannedCount) {
        long returned = count == null ? 0 : count;
        long scanned = scannedCount == null ? returned : scannedCount;
        return returned + Math.max(0, scanned - returned);
    }

    private static String family(SdkRequest request) {
        AttributeValue pk = switch (request) {
            case QueryRequest q -> q.hasExpressionAttributeValues() ? q.expressionAttributeValues().get(":pk") : null;
            case GetItemRequest g -> g.hasKey() ? g.key().get(TableLayout.PK) : null;
            default -> null;
        };
        if (pk == null || pk.s() == null) {
            return "other";
        }
        int hash = pk.s().indexOf('#');
        return hash < 0 ? pk.s() : pk.s().substring(0, hash);
    }

    public synchronized Reads snapshot() {
        return new Reads(requests, items, bytes, Map.copyOf(byFamily));
    }

    public synchronized void reset() {
        requests = 0;
        items = 0;
        bytes = 0;
        byFamily = new TreeMap<>();
    }
}
