package io.sluice.catalog.identity;

import java.util.Collection;
import java.util.Set;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The authenticated caller of a request; controllers receive it with {@code @AuthenticationPrincipal}. */
public final class UserAccount implements UserDetails, CredentialsContainer {

    private final long id;
    private final String username;
    private final String displayName;
    private String passwordHash;
    private final boolean enabled;
    private final Set<PlatformRole> platformRoles;

    public UserAccount(
            long id, String username, String displayName, String passwordHash, boolean enabled,
            Set<PlatformRole> platformRoles) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.platformRoles = Set.copyOf(platformRoles);
    }

    public long id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public Set<PlatformRole> platformRoles() {
        return platformRoles;
    }

    public boolean has(PlatformRole role) {
        return platformRoles.contains(role);
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return platformRoles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
