package org.symbiosiskb.eprtr;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import org.symbiosiskb.api.Batches;
import org.symbiosiskb.api.DeleteResult;
import org.symbiosiskb.organization.OrganizationService;
import org.symbiosiskb.organization.Process;
import reactor.core.publisher.Mono;

/**
 * {@code Process.releases(year, pollutant, medium)}: a relationship field with filters, so it is
 * batched by a data loader keyed by process and filter (a {@code @BatchMapping} cannot see
 * arguments): still one statement per level of the query.
 */
@Controller
class ReleaseController {

    private final ReleaseService releases;
    private final OrganizationService organizations;

    ReleaseController(ReleaseService releases, OrganizationService organizations, BatchLoaderRegistry registry) {
        this.releases = releases;
        this.organizations = organizations;
        registry.<ReleaseService.Query, List<Release>>forName(LOADER)
                .registerMappedBatchLoader((queries, environment) -> Mono.fromCallable(() -> releases.releases(queries)));
    }

    /** The data loader's name; the parameter of {@link #releasesOf} has it, which is how Spring finds the loader. */
    static final String LOADER = "processReleases";

    @SchemaMapping(typeName = "Process", field = "releases")
    CompletableFuture<List<Release>> releasesOf(Process process, @Argument Integer year, @Argument String pollutant, @Argument String medium,
                                                DataLoader<ReleaseService.Query, List<Release>> processReleases) {
        return processReleases.load(new ReleaseService.Query(process.id(), year, pollutant, medium));
    }

    @BatchMapping(typeName = "Release", field = "process")
    Map<Release, Process> process(List<Release> list) {
        return Batches.one(list, Release::processId, organizations.processesByIds(Batches.ids(list, Release::processId)));
    }

    @MutationMapping
    Release setRelease(@Argument Map<String, Object> input) {
        return releases.set(input);
    }

    @MutationMapping
    DeleteResult deleteRelease(@Argument Map<String, Object> key) {
        return new DeleteResult(String.valueOf(key.get("process")), releases.delete(key));
    }
}
