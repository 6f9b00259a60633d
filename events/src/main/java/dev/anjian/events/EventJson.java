package dev.anjian.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * The one JSON serde of the contract: every producer, consumer and Flink schema writes and reads events
 * through here. Readers are tolerant of unknown fields (newer producers may add some) and strict about
 * missing or mistyped ones; a failure is an {@link EventFormatException} whose message names the field,
 * e.g. {@code DeviceEvent: missing required field 'reading.value'}.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            // Strict about types: "1.62" is not a number, "" is not zero, 1.9 is not a long, a key twice is an error.
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .withCoercionConfigDefaults(c -> c.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Absent optional primitives take their default; required ones are marked on the record.
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private EventJson() {
    }

    public static byte[] write(Object event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new EventFormatException("cannot write " + event.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    public static String writeString(Object event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new EventFormatException("cannot write " + event.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    public static <T> T read(byte[] json, Class<T> type) {
        if (json == null || json.length == 0) {
            throw new EventFormatException(type.getSimpleName() + ": empty payload");
        }
        try {
            T value = MAPPER.readValue(json, type);
            if (value == null) {
                throw new EventFormatException(type.getSimpleName() + ": payload is JSON null");
            }
            return value;
        } catch (JsonMappingException e) {
            throw new EventFormatException(type.getSimpleName() + ": " + describe(e), e);
        } catch (IOException e) {
            throw new EventFormatException(type.getSimpleName() + ": not valid JSON: " + firstLine(e.getMessage()), e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        return read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), type);
    }

    /** The shared mapper, for code that must walk a JSON tree (payload parsers); never reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static String describe(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException invalid) {
            // The record's own check names the field within its record; qualify it with where that record sits.
            return path.isEmpty() ? invalid.getMessage() : invalid.getMessage().replace("field '", "field '" + path + ".");
        }
        String original = firstLine(e.getOriginalMessage());
        if (original.startsWith("Missing required creator property")) {
            return "missing required field '" + path + "'";
        }
        return (path.isEmpty() ? "" : "field '" + path + "': ") + original;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
