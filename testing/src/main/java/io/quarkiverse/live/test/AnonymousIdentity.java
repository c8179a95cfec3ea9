package io.quarkiverse.live.test;

import java.security.Permission;
import java.security.Principal;
import java.util.Map;
import java.util.Set;

import io.quarkus.security.credential.Credential;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * The user of a mount made without {@link LiveTest#as}: anonymous, as a browser that has not signed in. A connection
 * carries an identity even then, so that the component's {@code SecurityIdentity} is this one and not looked up again
 * (which would block the event loop).
 */
final class AnonymousIdentity implements SecurityIdentity {

    static final AnonymousIdentity INSTANCE = new AnonymousIdentity();

    private static final Principal NOBODY = () -> "";

    private AnonymousIdentity() {
    }

    @Override
    public Principal getPrincipal() {
        return NOBODY;
    }

    @Override
    public boolean isAnonymous() {
        return true;
    }

    @Override
    public Set<String> getRoles() {
        return Set.of();
    }

    @Override
    public boolean hasRole(String role) {
        return false;
    }

    @Override
    public Set<Permission> getPermissions() {
        return Set.of();
    }

    @Override
    public <T extends Credential> T getCredential(Class<T> type) {
        return null;
    }

    @Override
    public Set<Credential> getCredentials() {
        return Set.of();
    }

    @Override
    public <T> T getAttribute(String name) {
        return null;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return Map.of();
    }

    @Override
    public Uni<Boolean> checkPermission(Permission permission) {
        return Uni.createFrom().item(false);
    }
}
