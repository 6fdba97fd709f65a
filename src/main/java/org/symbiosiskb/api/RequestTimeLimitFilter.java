package org.symbiosiskb.api;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.symbiosiskb.graph.RequestDeadline;

/**
 * Starts the clock of {@code kb.limits.request-timeout} for each GraphQL request. A filter
 * rather than a GraphQL interceptor because Spring for GraphQL captures the thread-locals it
 * hands to data fetchers before the interceptors run.
 */
@Component
class RequestTimeLimitFilter extends OncePerRequestFilter {

    private final QueryLimits limits;
    private final String graphqlPath;

    RequestTimeLimitFilter(QueryLimits limits, @Value("${spring.graphql.http.path:/graphql}") String graphqlPath) {
        this.limits = limits;
        this.graphqlPath = graphqlPath;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !graphqlPath.equals(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var deadline = RequestDeadline.after(limits.requestTimeout(), QueryLimits.REQUEST_TIMEOUT + " " + readable(limits.requestTimeout()));
        try (var scope = deadline.open()) {
            chain.doFilter(request, response);
        }
    }

    /** 30s, 1m30s, 0.5s: close to how the property is written. */
    static String readable(Duration d) {
        return d.toString().substring(2).toLowerCase(Locale.ROOT).replaceAll("\\.0+s$", "s");
    }
}
