package org.symbiosiskb.api;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class MetaController {

    @QueryMapping
    String formatVersion() {
        return "symbiosis-kb/1";
    }
}
