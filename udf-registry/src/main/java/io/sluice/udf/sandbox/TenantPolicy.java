package io.sluice.udf.sandbox;

import java.net.URL;
import java.security.AllPermission;
import java.security.CodeSource;
import java.security.Permission;
import java.security.PermissionCollection;
import java.security.Permissions;
import java.security.Policy;
import java.security.ProtectionDomain;

/**
 * The sandbox JVM's security policy: the platform's own code (Flink, the checker) may do anything, code loaded from
 * the tenant's jar nothing — no file, no socket, no environment, no system property, no exit, no reflection past
 * access checks. Any action with a tenant frame on the stack is checked against the tenant's empty set, so a
 * constructor or static initializer that tries to read the service's files or secrets fails instead.
 */
final class TenantPolicy extends Policy {

    private final URL tenantJar;

    TenantPolicy(URL tenantJar) {
        this.tenantJar = tenantJar;
    }

    @Override
    public boolean implies(ProtectionDomain domain, Permission permission) {
        return !isTenant(domain);
    }

    @Override
    public PermissionCollection getPermissions(ProtectionDomain domain) {
        Permissions permissions = new Permissions();
        if (!isTenant(domain)) {
            permissions.add(new AllPermission());
        }
        return permissions;
    }

    @Override
    public PermissionCollection getPermissions(CodeSource codeSource) {
        Permissions permissions = new Permissions();
        if (codeSource == null || !tenantJar.equals(codeSource.getLocation())) {
            permissions.add(new AllPermission());
        }
        return permissions;
    }

    private boolean isTenant(ProtectionDomain domain) {
        CodeSource source = domain.getCodeSource();
        return source != null && tenantJar.equals(source.getLocation());
    }
}
