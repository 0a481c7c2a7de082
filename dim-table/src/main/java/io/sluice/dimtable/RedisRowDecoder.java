package io.sluice.dimtable;

import org.apache.flink.formats.common.TimestampFormat;
import org.apache.flink.formats.json.JsonToRowDataConverters;
import org.apache.flink.formats.json.JsonToRowDataConverters.JsonToRowDataConverter;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.node.TextNode;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

import java.io.IOException;
import java.util.Map;

/**
 * Turns a Redis value into a row with Flink's JSON converters. Hash fields are strings; the
 * converters parse numbers, booleans and dates from text, so both formats share one path. Key
 * columns are taken from the Redis key, whether or not the value repeats them.
 */
final class RedisRowDecoder {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final int[] keyIndices;
    private final JsonToRowDataConverter rowConverter;
    private final JsonToRowDataConverter[] keyConverters;

    RedisRowDecoder(RowType rowType, int[] keyIndices) {
        this.keyIndices = keyIndices;
        JsonToRowDataConverters converters = new JsonToRowDataConverters(false, false, TimestampFormat.ISO_8601);
        this.rowConverter = converters.createRowConverter(rowType);
        this.keyConverters = new JsonToRowDataConverter[keyIndices.length];
        for (int i = 0; i < keyIndices.length; i++) {
            keyConverters[i] = converters.createConverter(rowType.getTypeAt(keyIndices[i]));
        }
    }

    int keyArity() {
        return keyIndices.length;
    }

    RowData fromJson(String redisKey, String json, Object[] key) throws IOException {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IOException(String.format("Redis key '%s' does not hold valid JSON: %s", redisKey, e.getOriginalMessage()), e);
        }
        if (!node.isObject()) {
            throw new IOException(String.format("Redis key '%s' holds JSON that is not an object: %s", redisKey, json));
        }
        return toRow(redisKey, node, key);
    }

    RowData fromHash(String redisKey, Map<String, String> hash, Object[] key) throws IOException {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        hash.forEach((field, value) -> node.set(field, TextNode.valueOf(value)));
        return toRow(redisKey, node, key);
    }

    /** Parses the key column values out of the textual parts of a Redis key. */
    Object[] keyFromText(String redisKey, String[] parts) throws IOException {
        Object[] key = new Object[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                key[i] = keyConverters[i].convert(TextNode.valueOf(parts[i]));
            } catch (RuntimeException e) {
                throw new IOException(String.format("Redis key '%s': cannot read key part '%s': %s", redisKey, parts[i], e.getMessage()), e);
            }
        }
        return key;
    }

    private RowData toRow(String redisKey, JsonNode node, Object[] key) throws IOException {
        GenericRowData row;
        try {
            row = (GenericRowData) rowConverter.convert(node);
        } catch (RuntimeException e) {
            throw new IOException(String.format("Redis key '%s' has a value that does not fit the table: %s", redisKey, e.getMessage()), e);
        }
        for (int i = 0; i < keyIndices.length; i++) {
            row.setField(keyIndices[i], key[i]);
        }
        return row;
    }
}
