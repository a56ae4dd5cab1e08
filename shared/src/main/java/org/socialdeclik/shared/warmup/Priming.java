package org.socialdeclik.shared.warmup;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialdeclik.shared.Json;
import org.socialdeclik.shared.api.Messages;
import org.socialdeclik.shared.api.Requests;
import org.socialdeclik.shared.domain.Profile;

/**
 * SnapStart priming. Each function registers one with the CRaC global context; before Lambda
 * takes the snapshot of a published version, {@link #beforeCheckpoint} runs the function's own
 * request path once on synthetic input that reads and never writes (a request that fails
 * validation, a read of an item that does not exist, a claim whose condition fails). The snapshot
 * then holds the classes loaded and linked, Jackson's serialisers built, the SDK's request
 * pipeline (marshalling, signing, HTTP connection, unmarshalling) exercised and, on java25 with
 * SnapStart, JIT-compiled code: the first request after a restore no longer pays for them.
 *
 * <p>The context holds resources weakly: the handler keeps the returned object in a field. A
 * priming that fails is logged and ignored, so it can never stop a version from publishing.
 *
 * <p>Only an init that ends in a snapshot registers it: Lambda says which init it runs in
 * {@code AWS_LAMBDA_INITIALIZATION_TYPE} ({@code snap-start}, {@code on-demand},
 * {@code provisioned-concurrency}), and the runtime client runs the hooks only for
 * {@code snap-start}. An on-demand init skips CRaC's set-up (a proxy class built at run time:
 * about 10 ms of its cold start, make bench-coldstart).
 */
public final class Priming implements Resource {
    private static final Logger LOG = LoggerFactory.getLogger(Priming.class);

    /** A mission nobody can match: its only skill is a word no profile has, so reads find nothing. */
    public static final String UNMATCHABLE_MISSION = "{\"id\":\"priming\",\"title\":\"Priming\","
            + "\"description\":\"A mission used to warm the function before its snapshot; never stored.\","
            + "\"organization\":{\"name\":\"Priming\",\"type\":\"ASSOCIATION\",\"email\":\"priming@invalid.example\"},"
            + "\"skills\":[\"zz-priming-only\"],\"causes\":[\"environnement\"],\"location\":{\"department\":\"35\"},"
            + "\"workMode\":\"REMOTE\",\"budget\":3000,\"estimatedDays\":6,\"proBono\":false,"
            + "\"startDate\":\"2099-02-01\",\"applicationDeadline\":\"2099-01-20\",\"locale\":\"fr\"}";

    /**
     * A whole profile as the form sends it, plus an {@code id} (which clients may not send): the
     * request is refused after every field has been checked (skills, causes, place ...), so
     * nothing is stored.
     */
    public static final String REFUSED_PROFILE = "{\"id\":\"priming\",\"email\":\"priming@invalid.example\","
            + "\"firstName\":\"Priming\",\"lastName\":\"Priming\",\"headline\":\"Priming\",\"bio\":\"Priming.\","
            + "\"skills\":[\"WordPress\",\"référencement naturel\"],\"causes\":[\"environnement\"],"
            + "\"location\":{\"postalCode\":\"35000\"},\"mobility\":\"REGION\",\"remote\":true,\"dailyRate\":450,"
            + "\"minimumRate\":300,\"proBono\":false,\"availability\":{\"daysPerMonth\":4,\"from\":\"2099-01-04\"},"
            + "\"languages\":[\"fr\"],\"locale\":\"fr\",\"consent\":true}";

    private final String function;
    private final Runnable path;

    private Priming(String function, Runnable path) {
        this.function = function;
        this.path = path;
    }

    /** Registers the priming of a function; keep the result referenced for the container's life. */
    public static Priming register(String function, Runnable path) {
        Priming priming = new Priming(function, path);
        if (beforeSnapshot(System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE"))) {
            Core.getGlobalContext().register(priming);
        }
        return priming;
    }

    /** Whether an init of this type ends in a snapshot (Lambda's own values; unset outside Lambda). */
    static boolean beforeSnapshot(String initializationType) {
        return "snap-start".equals(initializationType);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to refresh: clients re-resolve and reconnect by themselves after a restore
    }

    /** Runs the request path once; true when it ran to the end. */
    public boolean prime() {
        long start = System.nanoTime();
        try {
            path.run();
            LOG.info("{} primed in {} ms", function, (System.nanoTime() - start) / 1_000_000);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("{} priming failed ({}); the function starts unprimed", function, e.getClass().getName());
            return false;
        }
    }

    /** An HTTP API (payload 2.0) event for a route, with a JSON body or none. */
    public static APIGatewayV2HTTPEvent http(String routeKey, Map<String, String> pathParameters, String jsonBody) {
        return APIGatewayV2HTTPEvent.builder().withRouteKey(routeKey)
                .withRawPath(routeKey.substring(routeKey.indexOf(' ') + 1))
                .withPathParameters(pathParameters)
                .withHeaders(Map.of("content-type", "application/json", "accept-language", "fr"))
                .withBody(jsonBody)
                .withIsBase64Encoded(false)
                .build();
    }

    /** A table-stream event of one INSERT or MODIFY record with these images. */
    public static DynamodbEvent stream(String eventName, Map<String, AttributeValue> newImage,
            Map<String, AttributeValue> oldImage) {
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventName(eventName);
        record.setEventSource("aws:dynamodb");
        record.setDynamodb(new StreamRecord().withNewImage(newImage).withOldImage(oldImage)
                .withSequenceNumber("0"));
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(record));
        return event;
    }

    /** An answer of the priming path: a client error is expected, a server error means the path is broken. */
    public static APIGatewayV2HTTPResponse answered(APIGatewayV2HTTPResponse response) {
        if (response.getStatusCode() >= 500) {
            throw new IllegalStateException("the primed route answered " + response.getStatusCode());
        }
        return response;
    }

    /** A stream response of the priming path: its record must not have failed. */
    public static StreamsEventResponse handled(StreamsEventResponse response) {
        if (response.getBatchItemFailures() != null && !response.getBatchItemFailures().isEmpty()) {
            throw new IllegalStateException("the primed record failed");
        }
        return response;
    }

    public static AttributeValue s(String value) {
        return new AttributeValue().withS(value);
    }

    /** {@link #REFUSED_PROFILE} without its id, read as the form's request is read: a valid profile, never stored. */
    public static Profile sampleProfile() {
        try {
            ObjectNode body = (ObjectNode) Json.parse(REFUSED_PROFILE);
            body.remove("id");
            return Requests.profile("priming", null, body, Messages.forLocale("fr"), Clock.systemUTC());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the sample profile is not JSON", e);
        }
    }

    /** An id no item has: reads of it find nothing, conditional writes on it fail. */
    public static String absentId() {
        return "priming-" + UUID.randomUUID();
    }
}
