package org.symbiosiskb.federation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.stereotype.Controller;
import org.symbiosiskb.compensation.CarbonSink;
import org.symbiosiskb.compensation.CompensationService;
import org.symbiosiskb.organization.Organization;
import org.symbiosiskb.organization.OrganizationService;
import org.symbiosiskb.organization.Process;
import org.symbiosiskb.park.Network;
import org.symbiosiskb.park.Park;
import org.symbiosiskb.park.ParkService;
import org.symbiosiskb.sidestream.SideStream;
import org.symbiosiskb.sidestream.SideStreamService;

/**
 * Answers a gateway's {@code _entities(representations:)} for the types keyed on {@code id}.
 * Spring for GraphQL calls each method once per type and request with every id of that type (a
 * method taking and returning a list is a batch method), so a request runs one statement per type
 * however many representations it carries. The lookups go through the same feature services as
 * {@code park(id)}, {@code organization(id)}…, so whatever those services decide about a record
 * holds here too. An unknown id answers null in its place, not an error.
 */
@Controller
class EntityController {

    private final ParkService parks;
    private final OrganizationService organizations;
    private final SideStreamService sideStreams;
    private final CompensationService compensation;

    EntityController(ParkService parks, OrganizationService organizations, SideStreamService sideStreams,
                     CompensationService compensation) {
        this.parks = parks;
        this.organizations = organizations;
        this.sideStreams = sideStreams;
        this.compensation = compensation;
    }

    @EntityMapping(name = "Park")
    List<Park> parks(@Argument("id") List<String> ids) {
        return inOrder(ids, parks::parksByIds);
    }

    @EntityMapping(name = "Network")
    List<Network> networks(@Argument("id") List<String> ids) {
        return inOrder(ids, parks::networksByIds);
    }

    @EntityMapping(name = "Organization")
    List<Organization> organizations(@Argument("id") List<String> ids) {
        return inOrder(ids, organizations::organizationsByIds);
    }

    @EntityMapping(name = "Process")
    List<Process> processes(@Argument("id") List<String> ids) {
        return inOrder(ids, organizations::processesByIds);
    }

    @EntityMapping(name = "SideStream")
    List<SideStream> sideStreams(@Argument("id") List<String> ids) {
        return inOrder(ids, sideStreams::sideStreamsByIds);
    }

    @EntityMapping(name = "CarbonSink")
    List<CarbonSink> carbonSinks(@Argument("id") List<String> ids) {
        return inOrder(ids, compensation::sinksByIds);
    }

    /**
     * One lookup for all ids, answered in the order of the representations (the gateway matches
     * them by position), with null where an id is unknown.
     */
    private static <T> List<T> inOrder(List<String> ids, Function<Collection<String>, Map<String, List<T>>> lookup) {
        Map<String, List<T>> found = lookup.apply(ids);
        var result = new ArrayList<T>(ids.size()); // not List.of: it holds nulls
        for (String id : ids) {
            List<T> rows = found.get(id);
            result.add(rows == null || rows.isEmpty() ? null : rows.getFirst());
        }
        return result;
    }
}
