package org.symbiosiskb.federation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.stereotype.Controller;
import org.symbiosiskb.api.BadRequestException;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

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
    private final ObjectProvider<DataFetcherExceptionResolver> errorResolvers;

    EntityController(ParkService parks, OrganizationService organizations, SideStreamService sideStreams,
                     CompensationService compensation, ObjectProvider<DataFetcherExceptionResolver> errorResolvers) {
        this.parks = parks;
        this.organizations = organizations;
        this.sideStreams = sideStreams;
        this.compensation = compensation;
        this.errorResolvers = errorResolvers;
    }

    @EntityMapping(name = "Park")
    List<Park> parks(@Argument("id") List<String> ids) {
        return inOrder("Park", ids, parks::parksByIds);
    }

    @EntityMapping(name = "Network")
    List<Network> networks(@Argument("id") List<String> ids) {
        return inOrder("Network", ids, parks::networksByIds);
    }

    @EntityMapping(name = "Organization")
    List<Organization> organizations(@Argument("id") List<String> ids) {
        return inOrder("Organization", ids, organizations::organizationsByIds);
    }

    @EntityMapping(name = "Process")
    List<Process> processes(@Argument("id") List<String> ids) {
        return inOrder("Process", ids, organizations::processesByIds);
    }

    @EntityMapping(name = "SideStream")
    List<SideStream> sideStreams(@Argument("id") List<String> ids) {
        return inOrder("SideStream", ids, sideStreams::sideStreamsByIds);
    }

    @EntityMapping(name = "CarbonSink")
    List<CarbonSink> carbonSinks(@Argument("id") List<String> ids) {
        return inOrder("CarbonSink", ids, compensation::sinksByIds);
    }

    /**
     * One lookup for all ids, answered in the order of the representations (the gateway matches
     * them by position), with null where an id is unknown.
     */
    private static <T> List<T> inOrder(String type, List<String> ids, Function<Collection<String>, Map<String, List<T>>> lookup) {
        if (ids.stream().anyMatch(Objects::isNull)) {
            throw new BadRequestException("representations: every " + type + " representation needs its key field id");
        }
        Map<String, List<T>> found = lookup.apply(ids);
        var result = new ArrayList<T>(ids.size()); // not List.of: it holds nulls
        for (String id : ids) {
            List<T> rows = found.get(id);
            result.add(rows == null || rows.isEmpty() ? null : rows.getFirst());
        }
        return result;
    }

    /**
     * Spring's {@code _entities} fetcher hands a failed lookup only to controller exception
     * handlers, not to the service's resolvers ({@code api.GraphQlErrors}), so this passes it on:
     * a refused or failed lookup answers with the same classification and the same absence of
     * internal detail as {@code park(id)} would. It fails the representations of that type only.
     */
    @GraphQlExceptionHandler
    Mono<List<GraphQLError>> lookupFailed(Throwable failure, DataFetchingEnvironment env) {
        return Flux.fromStream(errorResolvers.orderedStream()).concatMap(r -> r.resolveException(failure, env)).next();
    }
}
