package org.socialdeclik.local;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Events to JSON and answers back, with the serializer of Lambda's Java runtime and its choice
 * of it: the event library's own serializer for the event types it knows, plain Jackson for the
 * others. The local run hands a {@code RequestStreamHandler} the bytes Lambda would hand it.
 * For the runner's own JSON (the template, its endpoints' bodies) see {@link LocalMapper}.
 */
final class RuntimeJson {
    private static final Map<Class<?>, PojoSerializer<?>> SERIALIZERS = new ConcurrentHashMap<>();

    private RuntimeJson() {}

    @SuppressWarnings("unchecked")
    private static <T> PojoSerializer<T> serializer(Class<T> type) {
        return (PojoSerializer<T>) SERIALIZERS.computeIfAbsent(type, t ->
                LambdaEventSerializers.isLambdaSupportedEvent(t.getName())
                        ? LambdaEventSerializers.serializerFor(t, RuntimeJson.class.getClassLoader())
                        : JacksonFactory.getInstance().getSerializer(t));
    }

    @SuppressWarnings("unchecked")
    static byte[] toJson(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer((Class<Object>) value.getClass()).toJson(value, out);
        return out.toByteArray();
    }

    static <T> T fromJson(byte[] json, Class<T> type) {
        return serializer(type).fromJson(new ByteArrayInputStream(json));
    }
}
