package io.sluice.catalog.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer <token>}; an unknown, revoked or expired token ends the request with 401. */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final IdentityService identity;
    private final SecurityConfig.AuthenticationProblems problems;

    BearerTokenFilter(IdentityService identity, SecurityConfig.AuthenticationProblems problems) {
        this.identity = identity;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<UserAccount> user = identity.userOfToken(header.substring(BEARER.length()).trim())
                .filter(UserAccount::isEnabled);
        if (user.isEmpty()) {
            problems.write(response, "the bearer token is unknown, revoked or expired; issue a new one with POST /api/v1/tokens");
            return;
        }
        UserAccount account = user.get();
        account.eraseCredentials();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
        chain.doFilter(request, response);
    }
}
