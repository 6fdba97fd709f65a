package org.symbiosiskb.pact;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.symbiosiskb.security.Caller;
import org.symbiosiskb.security.Callers;
import org.symbiosiskb.security.Role;

/**
 * PublishedEvents: after the footprint versions changed (an import, a recalculation, a harvest), each data
 * recipient with {@code published: true} is told the ids of the new and newly Deprecated versions that its partner
 * may see, in one event, so it can GetFootprint them. A recipient that may see none of them hears nothing.
 */
@Component
class PactNotifier {

    private final PactProperties properties;
    private final PactHost host;
    private final FootprintAccess access;
    private final CallbackSender sender;

    PactNotifier(PactProperties properties, @Lazy PactHost host, FootprintAccess access, CallbackSender sender) {
        this.properties = properties;
        this.host = host;
        this.access = access;
        this.sender = sender;
    }

    boolean hasRecipients() {
        return properties.recipients().stream().anyMatch(PactProperties.Recipient::published);
    }

    void changed(FootprintCatalogue.Changes changes) {
        var changed = new ArrayList<FootprintVersions.Version>(changes.created());
        changed.addAll(changes.deprecated());
        for (var recipient : properties.recipients()) {
            if (!recipient.published()) {
                continue;
            }
            var visible = Callers.as(new Caller(recipient.partner(), Role.READER, false), () -> access.visible(changed));
            List<String> ids = changed.stream().map(FootprintVersions.Version::id).filter(visible::contains).distinct().toList();
            if (!ids.isEmpty()) {
                sender.send(host.client(recipient), host.event(PactHost.PUBLISHED, Map.of("pfIds", ids)),
                        "PublishedEvent (" + ids.size() + " footprint(s)) for partner " + recipient.partner());
            }
        }
    }
}
