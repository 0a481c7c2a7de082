package io.sluice.catalog.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.catalog.support.ApiResponse;
import io.sluice.catalog.support.ApiTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The console's files: public, read-only, and sent with a policy that runs no script but the console's own. */
class ConsoleFilesTest extends ApiTest {

    @Test
    void theConsoleIsServedWithoutLoginUnderAStrictContentSecurityPolicy() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/console/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<script type=\"module\" src=\"app.js\"></script>").doesNotContain("<script>");
        String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(policy).contains("script-src 'self'", "default-src 'none'", "frame-ancestors 'none'").doesNotContain("unsafe");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");

        ApiResponse script = anonymous().get("/console/api.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.contentType()).contains("javascript");
        assertThat(anonymous().get("/console/no-such-file.js").status()).isEqualTo(404);
    }

    @Test
    void theConsoleOnlyReadsAndItsAddressWithoutSlashLeadsToIt() throws Exception {
        assertThat(admin().post("/console/index.html", "{}").status()).as("nothing is written through the console's paths").isEqualTo(401);
        HttpResponse<String> bare = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/console")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bare.statusCode()).isEqualTo(302);
        assertThat(bare.headers().firstValue("Location").orElse("")).endsWith("/console/");
        assertThat(anonymous().get("/api/v1/tables").status()).as("the API still needs a login").isEqualTo(401);
    }
}
