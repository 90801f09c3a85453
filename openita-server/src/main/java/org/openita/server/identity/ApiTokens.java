package org.openita.server.identity;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openita.server.audit.AuditTrail;
import org.openita.server.identity.internal.PasswordReset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: a person creates one for a system of their agency and it acts with that person's
 * role and agency. The token ("oita_" and 43 random characters) is shown once; only its SHA-256 is stored.
 * A token stops working when revoked, or when its owner is disabled or locked.
 */
@Service
public class ApiTokens {

    public static final String PREFIX = "oita_";
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Token(long id, String label, Instant createdAt, Instant lastUsedAt) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final UserDetailsService users;

    ApiTokens(JdbcClient jdbc, AuditTrail audit, UserDetailsService users) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.users = users;
    }

    /** Creates a token and returns it; this is the only time it can be read. */
    @Transactional
    public String create(String username, String label) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = jdbc.sql("insert into api_token (username, label, token_hash) values (?, ?, ?) returning id")
                .params(username, label.strip(), PasswordReset.hash(token)).query(Long.class).single();
        audit.record(username, "API_TOKEN_CREATED", "token:" + id, null, Map.of("label", label.strip()));
        return token;
    }

    public List<Token> list(String username) {
        return jdbc.sql("select id, label, created_at, last_used_at from api_token where username = ? and revoked_at is null order by id")
                .param(username).query((rs, n) -> new Token(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant())).list();
    }

    @Transactional
    public boolean revoke(String username, long id) {
        int n = jdbc.sql("update api_token set revoked_at = now() where id = ? and username = ? and revoked_at is null").params(id, username).update();
        if (n > 0) {
            audit.record(username, "API_TOKEN_REVOKED", "token:" + id, null, null);
        }
        return n > 0;
    }

    /** The person a token acts for, if it is a live token of an account that may sign in. */
    public Optional<UserDetails> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        Optional<String> username = jdbc.sql("update api_token set last_used_at = now() where token_hash = ? and revoked_at is null returning username")
                .param(PasswordReset.hash(token)).query(String.class).optional();
        return username.flatMap(u -> {
            try {
                UserDetails d = users.loadUserByUsername(u);
                return d.isEnabled() && d.isAccountNonLocked() ? Optional.of(d) : Optional.empty();
            } catch (UsernameNotFoundException e) {
                return Optional.empty();
            }
        });
    }
}
