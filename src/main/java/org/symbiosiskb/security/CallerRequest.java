package org.symbiosiskb.security;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * The request as the servlet API sees the caller: a principal for a key (or local mode) and its
 * role, so that what the servlet container and Spring Boot decide by role (the health endpoint's
 * details, {@code management.endpoint.health.roles}) follows the service's keys.
 */
final class CallerRequest extends HttpServletRequestWrapper {

    private final Caller caller;

    CallerRequest(HttpServletRequest request, Caller caller) {
        super(request);
        this.caller = caller;
    }

    @Override
    public Principal getUserPrincipal() {
        return caller.authenticated() ? caller::describe : null;
    }

    @Override
    public String getRemoteUser() {
        return caller.authenticated() ? caller.describe() : null;
    }

    @Override
    public boolean isUserInRole(String role) {
        return caller.authenticated() && caller.role().name().equals(role);
    }
}
