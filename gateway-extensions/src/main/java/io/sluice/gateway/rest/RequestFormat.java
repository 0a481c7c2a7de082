package io.sluice.gateway.rest;

import io.sluice.gateway.errors.ClientError;

import org.apache.flink.runtime.rest.handler.router.RoutedRequest;
import org.apache.flink.runtime.rest.messages.MessageParameter;
import org.apache.flink.runtime.rest.messages.MessageParameters;
import org.apache.flink.runtime.rest.messages.UntypedResponseMessageHeaders;
import org.apache.flink.runtime.rest.util.RestMapperUtils;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.core.JsonLocation;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.core.exc.StreamReadException;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonMappingException;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import org.apache.flink.shaded.netty4.io.netty.buffer.ByteBuf;
import org.apache.flink.shaded.netty4.io.netty.buffer.ByteBufInputStream;
import org.apache.flink.shaded.netty4.io.netty.handler.codec.http.FullHttpRequest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a request the way Flink's handler for its route will — the JSON body with Flink's strict mapper, then the
 * URL's path and query parameters — and words what is wrong with it. Flink's own answer to a malformed request is
 * the parser's stack trace with its internal class names; this one names the field or parameter and what it must
 * be.
 */
final class RequestFormat {

    private static final ObjectMapper MAPPER = RestMapperUtils.getStrictObjectMapper();
    /** Longest piece of the client's own input quoted back in an error. */
    private static final int LONGEST_QUOTE = 80;

    private final UntypedResponseMessageHeaders<?, ?> route;

    RequestFormat(UntypedResponseMessageHeaders<?, ?> route) {
        this.route = route;
    }

    /** @return what is wrong with the request, or null when its route's handler can read it */
    ClientError problemWith(RoutedRequest<?> routed) {
        if (routed.getRequest() instanceof FullHttpRequest full) {
            ClientError body = bodyProblem(full.content());
            if (body != null) {
                return body;
            }
        }
        return parameterProblem(
                routed.getRouteResult().pathParams(), routed.getRouteResult().queryParams());
    }

    private ClientError bodyProblem(ByteBuf content) {
        if (content.capacity() == 0) {
            return null; // Flink's handler reads no body as {}
        }
        // a duplicate, so that the handler reads the body from its start again
        try (InputStream in = new ByteBufInputStream(content.duplicate())) {
            MAPPER.readValue(in, route.getRequestClass());
            return null;
        } catch (JsonProcessingException e) {
            return ClientError.badRequest(describe(e));
        } catch (IOException e) {
            return ClientError.badRequest("The request body could not be read as JSON in UTF-8.");
        }
    }

    private String describe(JsonProcessingException e) {
        // a parse error inside a field's value (invalid UTF-8 in a string) comes wrapped with the field's path
        if (e instanceof JsonMappingException && e.getCause() instanceof StreamReadException parse) {
            return describe(parse);
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "The request body has an unknown field '" + quote(unknown.getPropertyName()) + "'" + fields() + ".";
        }
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return "The request body's field '" + path(mismatch.getPath()) + "' must be "
                    + kind(mismatch.getTargetType()) + ".";
        }
        if (e instanceof MismatchedInputException) {
            return "The request body must be a JSON object" + fields() + ".";
        }
        if (e instanceof JsonMappingException) {
            return "The request body does not fit this request" + fields() + ".";
        }
        return "The request body is not valid JSON in UTF-8: " + oneLine(e.getOriginalMessage()) + at(e.getLocation())
                + ".";
    }

    /** The fields the route's body takes, e.g. " (this request takes statement, executionTimeout, executionConfig)". */
    private String fields() {
        List<String> names =
                MAPPER.getDeserializationConfig()
                        .introspect(MAPPER.constructType(route.getRequestClass()))
                        .findProperties()
                        .stream()
                        .map(BeanPropertyDefinition::getName)
                        .toList();
        return names.isEmpty() ? " (this request takes no body)" : " (this request takes " + String.join(", ", names) + ")";
    }

    private static String path(List<JsonMappingException.Reference> path) {
        return path.stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String kind(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (CharSequence.class.isAssignableFrom(type) || type.isEnum()) {
            return "a string";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "a JSON object of string values";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a JSON array";
        }
        return "a JSON object";
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 0
                ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** Jackson's message without the internal source it read from ("[Source: (ByteBufInputStream); line: 1, …]"). */
    private static String oneLine(String message) {
        if (message == null) {
            return "it cannot be parsed";
        }
        String text = message.replaceAll("\\[Source: [^;\\]]*;", "[").replaceAll("\\s+", " ").strip();
        return text.length() > 2 * LONGEST_QUOTE ? text.substring(0, 2 * LONGEST_QUOTE) + " …" : text;
    }

    private ClientError parameterProblem(Map<String, String> pathValues, Map<String, List<String>> queryValues) {
        MessageParameters parameters = route.getUnresolvedMessageParameters();
        for (MessageParameter<?> parameter : parameters.getPathParameters()) {
            String value = pathValues.get(parameter.getKey());
            if (value != null && !resolves(parameter, value)) {
                return ClientError.badRequest(
                        "The URL's " + parameter.getKey() + " '" + quote(value) + "' is not valid"
                                + (parameter.getKey().endsWith("_handle")
                                        ? ": handles are UUIDs, as the gateway returned them."
                                        : ": " + parameter.getDescription()));
            }
        }
        for (MessageParameter<?> parameter : parameters.getQueryParameters()) {
            List<String> values = queryValues.get(parameter.getKey());
            if (values != null && !values.isEmpty() && !resolves(parameter, String.join(",", values))) {
                return ClientError.badRequest(
                        "The URL's query parameter " + parameter.getKey() + "='" + quote(String.join(",", values))
                                + "' is not valid: " + parameter.getDescription());
            }
        }
        return null;
    }

    private static boolean resolves(MessageParameter<?> parameter, String value) {
        try {
            parameter.resolveFromString(value);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static String quote(String input) {
        String text = input == null ? "" : input.replaceAll("\\p{Cntrl}", "?");
        return text.length() > LONGEST_QUOTE ? text.substring(0, LONGEST_QUOTE) + "…" : text;
    }
}
