package io.sluice.catalog.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/** Every endpoint but the API description and health needs HTTP Basic or a bearer token. */
@Configuration
class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(UserRepository users) {
        return username -> users.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("no user " + username));
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, IdentityService identity, ObjectMapper json) throws Exception {
        var problems = new AuthenticationProblems(json);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/actuator/health")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems::unauthorized))
                .addFilterBefore(new BearerTokenFilter(identity, problems), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems::unauthorized));
        return http.build();
    }

    /** Writes 401s as problem+json with a reason the caller can act on. */
    static final class AuthenticationProblems {

        private final ObjectMapper json;

        AuthenticationProblems(ObjectMapper json) {
            this.json = json;
        }

        void unauthorized(
                jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
                throws IOException {
            write(response, reason(request, e));
        }

        void write(HttpServletResponse response, String detail) throws IOException {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setHeader("WWW-Authenticate", "Basic realm=\"sluice\", Bearer");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
        }

        private static String reason(jakarta.servlet.http.HttpServletRequest request, AuthenticationException e) {
            if (e instanceof BadCredentialsException) {
                return "the user name or password is wrong";
            }
            if (e instanceof DisabledException) {
                return "this user is disabled; ask a system admin";
            }
            return request.getHeader("Authorization") == null
                    ? "authentication required: send HTTP Basic credentials or 'Authorization: Bearer <token>'"
                    : "authentication failed: " + e.getMessage();
        }
    }
}
