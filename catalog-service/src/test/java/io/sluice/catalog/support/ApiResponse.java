package io.sluice.catalog.support;

import com.fasterxml.jackson.databind.JsonNode;

/** An HTTP response of the API: status, the body as JSON, and the raw text. */
public record ApiResponse(int status, JsonNode json, String body, String contentType) {

    public String detail() {
        return json.path("detail").asText();
    }

    public String field() {
        return json.path("field").asText();
    }
}
