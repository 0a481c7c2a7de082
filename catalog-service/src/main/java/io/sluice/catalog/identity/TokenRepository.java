package io.sluice.catalog.identity;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class TokenRepository {

    private final JdbcClient jdbc;

    TokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long userId, String name, String tokenHash, OffsetDateTime expiresAt) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into api_tokens (user_id, name, token_hash, created_at, expires_at) values (?, ?, ?, ?, ?)")
                .params(userId, name, tokenHash, OffsetDateTime.now(), expiresAt)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** The user id a live (neither revoked nor expired) token belongs to. */
    Optional<Long> liveTokenOwner(String tokenHash) {
        return jdbc.sql("select user_id from api_tokens where token_hash = ? and revoked_at is null "
                        + "and (expires_at is null or expires_at > ?)")
                .params(tokenHash, OffsetDateTime.now())
                .query(Long.class)
                .optional();
    }

    List<ApiToken> ofUser(long userId) {
        return jdbc.sql("select id, name, created_at, revoked_at, expires_at from api_tokens where user_id = ? order by id")
                .param(userId)
                .query((rs, n) -> new ApiToken(
                        rs.getLong("id"), rs.getString("name"),
                        rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("revoked_at", OffsetDateTime.class),
                        rs.getObject("expires_at", OffsetDateTime.class)))
                .list();
    }

    boolean revoke(long userId, long tokenId) {
        return jdbc.sql("update api_tokens set revoked_at = ? where id = ? and user_id = ? and revoked_at is null")
                        .params(OffsetDateTime.now(), tokenId, userId)
                        .update()
                > 0;
    }
}
