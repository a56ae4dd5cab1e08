package org.socialdeclik.shared;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.temporal.TemporalAccessor;
import java.util.Map;

/**
 * JSON for the functions: Jackson's streaming parser and generator with its tree nodes, and no
 * {@code ObjectMapper}. Building a mapper, and then a reflective (de)serializer for each class it
 * meets, took 50-100 ms of the notifier's init and 60-80 ms of its first request in the cold-start
 * bench; this reader and writer cost a fraction of that (docs/performance.md, step 21). Records
 * are written and read field by field ({@code aws/StoredJson}); views are maps and lists; Lambda's
 * events and answers are read and written on it by {@code lambda/EventJson}. (The local runner,
 * never deployed, has its own mapper: {@code local/.../LocalMapper}.)
 *
 * <p>Reading gives what {@code ObjectMapper.readTree} gave (the same node types, the last of two
 * equal names wins, an empty input is a missing node), except that content after the value is
 * refused where the mapper ignored it ({@code {"a":1} junk} is not a JSON body); writing gives what the platform's former
 * mapper wrote: null members of maps left out, dates and instants in ISO-8601, enums by name.
 */
public final class Json {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {}

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    public static JsonNodeFactory nodes() {
        return NODES;
    }

    public static JsonNode parse(String json) throws JsonProcessingException {
        return inMemory(() -> FACTORY.createParser(json));
    }

    public static JsonNode parse(byte[] json) throws JsonProcessingException {
        return inMemory(() -> FACTORY.createParser(json));
    }

    private interface ParserSource {
        JsonParser open() throws IOException;
    }

    /** Text already in memory: broken JSON is the caller's to handle, any other I/O failure is not expected. */
    private static JsonNode inMemory(ParserSource source) throws JsonProcessingException {
        try (JsonParser parser = source.open()) {
            return root(parser);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode parse(InputStream json) throws IOException {
        try (JsonParser parser = FACTORY.createParser(json)) {
            return root(parser);
        }
    }

    private static JsonNode root(JsonParser parser) throws IOException {
        if (parser.nextToken() == null) {
            return MissingNode.getInstance();
        }
        JsonNode root = value(parser);
        if (parser.nextToken() != null) {
            throw new JsonParseException(parser, "content after the JSON value");
        }
        return root;
    }

    private static JsonNode value(JsonParser parser) throws IOException {
        switch (parser.currentToken()) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.set(name, value(parser));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(parser.getDoubleValue());
            }
            case VALUE_TRUE -> {
                return NODES.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return NODES.booleanNode(false);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new IllegalStateException("unexpected JSON token " + parser.currentToken());
        }
    }

    /** The value as JSON text; see {@link #bytes(Object)} for what may be written. */
    public static String write(Object value) {
        return new String(bytes(value), StandardCharsets.UTF_8);
    }

    /**
     * The value as UTF-8 JSON: a tree node, a map (its null members left out), a list or other
     * iterable, text, a number, a boolean, an enum (its name), a date or instant (ISO-8601), or
     * null. Anything else is refused: a record is turned into a node first, field by field.
     */
    public static byte[] bytes(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            write(generator, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(JsonGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof JsonNode node) {
            writeNode(out, node);
        } else if (value instanceof CharSequence text) {
            out.writeString(text.toString());
        } else if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (entry.getValue() != null) {
                    out.writeFieldName(String.valueOf(entry.getKey()));
                    write(out, entry.getValue());
                }
            }
            out.writeEndObject();
        } else if (value instanceof Iterable<?> items) {
            out.writeStartArray();
            for (Object item : items) {
                write(out, item);
            }
            out.writeEndArray();
        } else if (value instanceof Boolean b) {
            out.writeBoolean(b);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            out.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double d) {
            out.writeNumber(d);
        } else if (value instanceof Float f) {
            out.writeNumber(f);
        } else if (value instanceof BigDecimal decimal) {
            out.writeNumber(decimal);
        } else if (value instanceof BigInteger integer) {
            out.writeNumber(integer);
        } else if (value instanceof Enum<?> constant) {
            out.writeString(constant.name());
        } else if (value instanceof TemporalAccessor) {
            out.writeString(value.toString());
        } else {
            throw new IllegalArgumentException("no JSON form for " + value.getClass().getName()
                    + ": turn it into a map or a node first");
        }
    }

    private static void writeNode(JsonGenerator out, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                out.writeStartObject();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    out.writeFieldName(field.getKey());
                    writeNode(out, field.getValue());
                }
                out.writeEndObject();
            }
            case ARRAY -> {
                out.writeStartArray();
                for (JsonNode item : node) {
                    writeNode(out, item);
                }
                out.writeEndArray();
            }
            case STRING -> out.writeString(node.textValue());
            case NUMBER -> {
                if (node.isInt() || node.isLong() || node.isShort()) {
                    out.writeNumber(node.longValue());
                } else if (node.isBigInteger()) {
                    out.writeNumber(node.bigIntegerValue());
                } else if (node.isBigDecimal()) {
                    out.writeNumber(node.decimalValue());
                } else {
                    out.writeNumber(node.doubleValue());
                }
            }
            case BOOLEAN -> out.writeBoolean(node.booleanValue());
            case NULL, MISSING -> out.writeNull();
            default -> throw new IllegalArgumentException("no JSON form for a " + node.getNodeType() + " node");
        }
    }
}
