package org.socialdeclik.perf;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Counts every AWS call made in this JVM, by service and operation, with the DynamoDB items each
 * one read or wrote: the measured inputs of docs/cost.md. Registered for every SDK client of the
 * bench JVM (the functions' included) by the SDK's global interceptor file. Only successful calls
 * are counted (a cancelled transaction or failed condition costs too, but rarely).
 */
public final class SdkCallCounter implements ExecutionInterceptor {
    private static final Map<String, LongAdder> CALLS = new ConcurrentHashMap<>();
    private static final Map<String, LongAdder> ITEMS = new ConcurrentHashMap<>();

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        String key = service + "." + operation;
        CALLS.computeIfAbsent(key, k -> new LongAdder()).increment();
        long items = items(context.request(), context.response());
        if (items > 0) {
            ITEMS.computeIfAbsent(key, k -> new LongAdder()).add(items);
        }
    }

    private static long items(SdkRequest request, SdkResponse response) {
        if (response instanceof GetItemResponse get) {
            return get.hasItem() && !get.item().isEmpty() ? 1 : 0;
        }
        if (response instanceof QueryResponse query) {
            return query.count() == null ? 0 : query.count();
        }
        if (response instanceof ScanResponse scan) {
            return scan.scannedCount() == null ? 0 : scan.scannedCount();
        }
        if (response instanceof BatchGetItemResponse batch) {
            return batch.responses().values().stream().mapToLong(java.util.List::size).sum();
        }
        if (request instanceof TransactWriteItemsRequest transaction) {
            return transaction.transactItems().size();
        }
        if (request instanceof TransactGetItemsRequest transaction) {
            return transaction.transactItems().size();
        }
        if (request instanceof BatchWriteItemRequest batch) {
            return batch.requestItems().values().stream().mapToLong(java.util.List::size).sum();
        }
        String name = request.getClass().getSimpleName();
        return name.equals("PutItemRequest") || name.equals("UpdateItemRequest") || name.equals("DeleteItemRequest") ? 1 : 0;
    }

    /** Calls and items so far, by "Service.Operation". */
    static Snapshot snapshot() {
        Map<String, long[]> counts = new TreeMap<>();
        CALLS.forEach((k, v) -> counts.computeIfAbsent(k, x -> new long[2])[0] = v.sum());
        ITEMS.forEach((k, v) -> counts.computeIfAbsent(k, x -> new long[2])[1] = v.sum());
        return new Snapshot(counts);
    }

    /** Counts at one moment; {@link #minus} gives what happened between two. */
    record Snapshot(Map<String, long[]> counts) {
        Snapshot minus(Snapshot earlier) {
            Map<String, long[]> out = new TreeMap<>();
            counts.forEach((k, v) -> {
                long[] before = earlier.counts().getOrDefault(k, new long[2]);
                if (v[0] - before[0] > 0) {
                    out.put(k, new long[] {v[0] - before[0], v[1] - before[1]});
                }
            });
            return new Snapshot(out);
        }
    }
}
