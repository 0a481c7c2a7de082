package io.sluice.catalog.identity;

import io.sluice.catalog.common.Filter;
import io.sluice.catalog.common.PageQuery;
import io.sluice.catalog.common.PageResult;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String username, String displayName, String passwordHash, Set<PlatformRole> roles) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into users (username, display_name, password_hash, enabled, created_at) values (?, ?, ?, true, ?)")
                .params(username, displayName, passwordHash, OffsetDateTime.now())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        roles.forEach(role -> jdbc.sql("insert into user_platform_roles (user_id, role) values (?, ?)")
                .params(id, role.name())
                .update());
        return id;
    }

    boolean exists(String username) {
        return jdbc.sql("select count(*) from users where lower(username) = lower(?)")
                        .param(username)
                        .query(Long.class)
                        .single()
                > 0;
    }

    long count() {
        return jdbc.sql("select count(*) from users").query(Long.class).single();
    }

    Optional<UserAccount> findByUsername(String username) {
        return jdbc.sql("select id, username, display_name, password_hash, enabled from users where username = ?")
                .param(username)
                .query((rs, n) -> new UserAccount(
                        rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                        rs.getString("password_hash"), rs.getBoolean("enabled"), rolesOf(rs.getLong("id"))))
                .optional();
    }

    Optional<UserAccount> findById(long id) {
        return jdbc.sql("select username from users where id = ?")
                .param(id)
                .query(String.class)
                .optional()
                .flatMap(this::findByUsername);
    }

    PageResult<UserSummary> list(PageQuery page) {
        return new Filter().page(jdbc, "users", "select id, username, display_name from users", "username",
                (rs, n) -> new UserSummary(rs.getString("username"), rs.getString("display_name"), rolesOf(rs.getLong("id"))), page);
    }

    private Set<PlatformRole> rolesOf(long userId) {
        Set<PlatformRole> roles = EnumSet.noneOf(PlatformRole.class);
        jdbc.sql("select role from user_platform_roles where user_id = ?")
                .param(userId)
                .query(String.class)
                .list()
                .forEach(r -> roles.add(PlatformRole.valueOf(r)));
        return roles;
    }
}
