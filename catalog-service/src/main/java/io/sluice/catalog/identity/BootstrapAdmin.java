package io.sluice.catalog.identity;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the first system admin in an empty catalog, so that someone can log in and create the rest.
 * Without a configured password one is generated and logged once.
 */
@Component
@Order(0)
class BootstrapAdmin implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final IdentityService identity;
    private final String username;
    private final String password;

    BootstrapAdmin(
            IdentityService identity,
            @Value("${sluice.bootstrap.admin-username}") String username,
            @Value("${sluice.bootstrap.admin-password}") String password) {
        this.identity = identity;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (identity.hasUsers()) {
            return;
        }
        String chosen = password == null || password.isBlank() ? generated() : password;
        identity.createUser(new IdentityService.NewUser(
                username, "System admin", chosen, Set.of(PlatformRole.SYSTEM_ADMIN, PlatformRole.DATA_ADMIN)));
        if (password == null || password.isBlank()) {
            LOG.warn("Created the first system admin '{}' with the generated password '{}'; change it or set "
                    + "sluice.bootstrap.admin-password", username, chosen);
        }
    }

    private static String generated() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
