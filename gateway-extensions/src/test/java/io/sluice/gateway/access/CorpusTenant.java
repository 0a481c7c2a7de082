package io.sluice.gateway.access;

import io.sluice.localstack.LocalStack;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The corpus's tenant in the real catalog-service of the stack the gateway's tests share ({@code GatewayStack}), made through its API as people would:
 * users and a project, a second Kafka data source, tables designed by alice and published by dana, and the grants,
 * public flags and blacklists of {@code access-corpus/tenant/*.tsv}. Made once per test JVM.
 */
final class CorpusTenant {

    static final String ADMIN = "admin";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static boolean made;

    private CorpusTenant() {}

    static synchronized void ensure(LocalStack stack) {
        if (made) {
            return;
        }
        call(stack, "POST", "/api/v1/projects", ADMIN,
                Map.of("name", "analytics", "displayName", "Analytics", "description", "the access corpus's readers"));
        for (String[] user : rows("access-corpus/tenant/principals.tsv")) {
            List<String> roles = user[3].equals("-") ? List.of() : Arrays.asList(user[3].split(","));
            call(stack, "POST", "/api/v1/users", ADMIN,
                    Map.of("username", user[0], "displayName", user[0], "password", password(user[0]), "platformRoles", roles));
            call(stack, "PUT", "/api/v1/projects/" + user[1] + "/members/" + user[0], ADMIN, Map.of("role", user[2]));
        }
        Map<String, Object> kafka = Map.of("properties", Map.of("bootstrap.servers", stack.kafkaBootstrapServers), "secrets", Map.of());
        call(stack, "POST", "/api/v1/datasources", LocalStack.DANA,
                Map.of("name", "demo_dims", "kind", "kafka", "managementMode", "managed", "environmentScope", "both",
                        "description", "dimension topics of the access corpus", "connections", Map.of("test", kafka, "prod", kafka)));
        for (String[] table : rows("access-corpus/tenant/tables.tsv")) {
            design(stack, table[0], table[3]);
            for (String environment : table[2].split(",")) {
                String request = call(stack, "POST", "/api/v1/tables/" + table[0] + "/publish-requests", LocalStack.ALICE,
                        Map.of("environment", environment, "dataSource", table[1], "comment", "access corpus"));
                call(stack, "POST", "/api/v1/publish-requests/" + id(request) + "/approve", LocalStack.DANA,
                        Map.of("comment", "ok"));
            }
        }
        for (String[] grant : rows("access-corpus/tenant/grants.tsv")) {
            grant(stack, grant);
        }
        made = true;
    }

    static String password(String user) {
        return user + "-password";
    }

    /** Grants select on a table to a user as dana would, returning the grant's id for {@link #revoke}. */
    static long grantSelect(LocalStack stack, String environment, String table, String user) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("environment", environment);
        change.put("tables", List.of(table));
        change.put("users", List.of(user));
        change.put("privileges", List.of("select"));
        return Long.parseLong(id(call(stack, "POST", "/api/v1/access/whitelist", LocalStack.DANA, change)));
    }

    static void revoke(LocalStack stack, long grantId) {
        call(stack, "DELETE", "/api/v1/access/grants/" + grantId, LocalStack.DANA, null);
    }

    private static void design(LocalStack stack, String table, String columnList) {
        List<Map<String, String>> columns = new ArrayList<>();
        for (String column : columnList.split("\\|")) {
            String[] nameAndType = column.trim().split(" ", 2);
            columns.add(Map.of("name", nameAndType[0], "type", nameAndType[1], "comment", ""));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", table);
        body.put("displayName", table);
        body.put("ownerProject", "demo");
        body.put("type", "topic");
        body.put("format", "json");
        body.put("partitions", 1);
        body.put("retentionHours", 24);
        body.put("topicKind", "append");
        body.put("description", "a table of the access corpus");
        body.put("columns", columns);
        body.put("primaryKey", List.of());
        call(stack, "POST", "/api/v1/tables", LocalStack.ALICE, body);
    }

    private static void grant(LocalStack stack, String[] grant) {
        String environment = grant[0];
        String table = grant[1];
        String kind = grant[2];
        String grantee = grant[3];
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("environment", environment);
        change.put("tables", List.of(table));
        switch (kind) {
            case "project", "user" -> {
                change.put(kind.equals("project") ? "projects" : "users", List.of(grantee));
                change.put("privileges", Arrays.asList(grant[4].split(",")));
                change.put("columns", grant[5].equals("-") ? null : Arrays.asList(grant[5].split(",")));
                call(stack, "POST", "/api/v1/access/whitelist", LocalStack.DANA, change);
            }
            case "public" -> {
                change.put("public", true);
                call(stack, "PUT", "/api/v1/access/public", LocalStack.DANA, change);
            }
            case "blacklist" -> {
                change.put("users", List.of(grantee));
                change.put("listed", true);
                call(stack, "PUT", "/api/v1/access/blacklist", LocalStack.DANA, change);
            }
            default -> throw new IllegalArgumentException("Unknown grant kind '" + kind + "' in grants.tsv");
        }
    }

    private static String call(LocalStack stack, String method, String path, String user, Object body) {
        try {
            return stack.catalogService(method, path, user, password(user), body == null ? null : JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String id(String json) {
        Matcher id = ID.matcher(json);
        if (!id.find()) {
            throw new IllegalStateException("No id in " + json);
        }
        return id.group(1);
    }

    /** The rows of a tab-separated resource, without comment lines. */
    static List<String[]> rows(String resource) {
        List<String[]> rows = new ArrayList<>();
        for (String line : resource(resource).split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                rows.add(line.split("\t"));
            }
        }
        return rows;
    }

    static String resource(String name) {
        try (InputStream in = CorpusTenant.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
