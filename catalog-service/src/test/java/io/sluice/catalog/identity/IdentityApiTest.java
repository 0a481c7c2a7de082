package io.sluice.catalog.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.catalog.support.Api;
import io.sluice.catalog.support.ApiResponse;
import io.sluice.catalog.support.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdentityApiTest extends ApiTest {

    @Test
    void everyEndpointNeedsCredentialsAndExplainsA401AsProblemJson() {
        ApiResponse anonymous = anonymous().get("/api/v1/tables");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.detail()).contains("authentication required");

        String user = unique("u");
        newUser(user);
        ApiResponse wrong = anonymous().as(user, "not-the-password").get("/api/v1/principal");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.detail()).isEqualTo("the user name or password is wrong");
        assertThat(wrong.body()).doesNotContain("Exception").doesNotContain("at org.");
        assertThat(lastAudit("login", user)).containsEntry("outcome", "REFUSED");
    }

    @Test
    void principalNamesUserProjectAndRolesForTheGateway() {
        String user = unique("carol");
        String first = unique("pa");
        String second = unique("pb");
        Api carol = newUser(user, "data_admin");
        newProject(first, null);
        newProject(second, user);
        assertThat(admin().put("/api/v1/projects/" + first + "/members/" + user, Map.of("role", "viewer")).status()).isEqualTo(200);

        ApiResponse chosen = carol.get("/api/v1/principal?project=" + second);
        assertThat(chosen.status()).isEqualTo(200);
        assertThat(chosen.json().path("user").asText()).isEqualTo(user);
        assertThat(chosen.json().path("project").asText()).isEqualTo(second);
        assertThat(chosen.json().path("projectRole").asText()).isEqualTo("project_admin");
        assertThat(chosen.json().path("platformRoles").toString()).isEqualTo("[\"data_admin\"]");
        assertThat(chosen.json().path("projects")).hasSize(2);
        assertThat(chosen.json().path("environments").toString())
                .as("the environments whose catalog the gateway mounts for this user")
                .isEqualTo("[\"test\",\"prod\"]");

        ApiResponse byDefault = carol.get("/api/v1/principal");
        assertThat(byDefault.json().path("project").asText()).isEqualTo(first.compareTo(second) < 0 ? first : second);

        String stranger = unique("pc");
        newProject(stranger, null);
        ApiResponse notMember = carol.get("/api/v1/principal?project=" + stranger);
        assertThat(notMember.status()).isEqualTo(403);
        assertThat(notMember.detail()).contains("not a member of project '" + stranger + "'");
    }

    @Test
    void tokensAuthenticateUntilRevoked() {
        String user = unique("tok");
        Api basic = newUser(user);
        ApiResponse issued = basic.post("/api/v1/tokens", Map.of("name", "bi_tool"));
        assertThat(issued.status()).isEqualTo(201);
        String token = issued.json().path("token").asText();
        assertThat(token).startsWith("slc_");
        assertThat(jdbc.sql("select count(*) from api_tokens where token_hash = ?").param(token).query(Long.class).single())
                .as("only a fingerprint is stored").isZero();

        Api bearer = anonymous().withToken(token);
        assertThat(bearer.get("/api/v1/principal").json().path("user").asText()).isEqualTo(user);
        ApiResponse listed = basic.get("/api/v1/tokens");
        assertThat(listed.body()).doesNotContain(token);
        assertThat(listed.json().get(0).path("name").asText()).isEqualTo("bi_tool");

        assertThat(basic.delete("/api/v1/tokens/" + issued.json().path("id").asLong()).status()).isEqualTo(204);
        ApiResponse revoked = bearer.get("/api/v1/principal");
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.detail()).contains("unknown, revoked or expired");
        assertThat(anonymous().withToken("slc_made_up").get("/api/v1/principal").status()).isEqualTo(401);
    }

    @Test
    void aTokenIssuedForSomeHoursStopsWorkingWhenTheyArePast() {
        Api basic = newUser(unique("exp"));
        ApiResponse issued = basic.post("/api/v1/tokens", Map.of("name", "console", "validForHours", 8));
        assertThat(issued.status()).isEqualTo(201);
        java.time.OffsetDateTime expiresAt = java.time.OffsetDateTime.parse(issued.json().path("expiresAt").asText());
        assertThat(expiresAt).isBetween(java.time.OffsetDateTime.now().plusHours(7), java.time.OffsetDateTime.now().plusHours(9));
        Api bearer = anonymous().withToken(issued.json().path("token").asText());
        assertThat(bearer.get("/api/v1/principal").status()).isEqualTo(200);

        // the hours pass
        jdbc.sql("update api_tokens set expires_at = ? where id = ?")
                .params(java.time.OffsetDateTime.now().minusSeconds(1), issued.json().path("id").asLong()).update();
        ApiResponse expired = bearer.get("/api/v1/principal");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.detail()).contains("expired");

        for (int hours : new int[] {0, -1, 24 * 367}) {
            ApiResponse refused = basic.post("/api/v1/tokens", Map.of("name", "bad", "validForHours", hours));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.field()).isEqualTo("validForHours");
        }
    }

    @Test
    void onlySystemAdminsCreateUsersAndBadUsersChangeNothing() {
        Api plain = newUser(unique("plain"));
        long users = count("users");
        ApiResponse forbidden = plain.post("/api/v1/users", Map.of("username", unique("x"), "password", "long-enough"));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.detail()).contains("only a system_admin may create users");

        ApiResponse shortPassword = admin().post("/api/v1/users", Map.of("username", unique("y"), "password", "short"));
        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(shortPassword.field()).isEqualTo("password");

        ApiResponse badName = admin().post("/api/v1/users", Map.of("username", "9lives", "password", "long-enough"));
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.field()).isEqualTo("username");

        ApiResponse unknownRole = admin().post(
                "/api/v1/users", Map.of("username", unique("z"), "password", "long-enough", "platformRoles", List.of("root")));
        assertThat(unknownRole.status()).isEqualTo(400);
        assertThat(unknownRole.detail()).contains("'root' is not a valid value").contains("data_admin");

        ApiResponse duplicate = admin().post("/api/v1/users", Map.of("username", ADMIN.toUpperCase(), "password", "long-enough"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(count("users")).isEqualTo(users);
    }

    @Test
    void projectAdminsManageMembersOthersCannot() {
        String owner = unique("own");
        String project = unique("proj");
        Api ownerApi = newUser(owner);
        String dev = unique("dev");
        Api devApi = newUser(dev);
        newProject(project, owner);

        assertThat(ownerApi.put("/api/v1/projects/" + project + "/members/" + dev, Map.of("role", "developer")).status()).isEqualTo(200);
        ApiResponse devTries = devApi.put("/api/v1/projects/" + project + "/members/" + dev, Map.of("role", "project_admin"));
        assertThat(devTries.status()).isEqualTo(403);
        ApiResponse members = devApi.get("/api/v1/projects/" + project + "/members");
        assertThat(members.body()).contains("\"role\":\"developer\"").contains("\"role\":\"project_admin\"");

        assertThat(ownerApi.delete("/api/v1/projects/" + project + "/members/" + dev).status()).isEqualTo(204);
        assertThat(devApi.get("/api/v1/principal?project=" + project).status()).isEqualTo(403);
    }

    @Test
    void listsArePaged() {
        for (int i = 0; i < 3; i++) {
            newProject(unique("paged"), null);
        }
        ApiResponse first = admin().get("/api/v1/projects?page=0&size=2");
        long total = first.json().path("total").asLong();
        assertThat(total).isEqualTo(count("projects"));
        assertThat(first.json().path("items")).hasSize(2);
        ApiResponse second = admin().get("/api/v1/projects?page=1&size=2");
        assertThat(second.json().path("page").asInt()).isEqualTo(1);
        assertThat(second.json().path("size").asInt()).isEqualTo(2);
        assertThat(second.json().path("items")).hasSize((int) Math.min(2, total - 2));
        assertThat(second.json().path("items").get(0).path("name").asText())
                .isGreaterThan(first.json().path("items").get(1).path("name").asText());
        ApiResponse tooBig = admin().get("/api/v1/projects?size=100000");
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.field()).isEqualTo("size");
    }
}
