package org.symbiosiskb.api;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Serves GraphiQL at {@code /graphiql}. The page ({@code static/graphiql/index.html}) and its
 * scripts come from the service itself: GraphiQL, React and React DOM are WebJars under
 * {@code /webjars/**}; Spring's own GraphiQL page is off because it loads them from a CDN.
 */
@Controller
class GraphiqlController {

    @GetMapping({"/graphiql", "/graphiql/"})
    String graphiql() {
        return "forward:/graphiql/index.html";
    }
}
