package org.symbiosiskb.sidestream;

import java.time.Year;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.symbiosiskb.api.BadRequestException;
import org.symbiosiskb.api.Batches;
import org.symbiosiskb.api.NotFoundException;
import org.symbiosiskb.api.Paging;
import org.symbiosiskb.organization.OrganizationService;
import org.symbiosiskb.organization.Process;
import org.symbiosiskb.park.ParkService;

/** sideStreamMatches (kb.sideStreamMatches) and the park's side-stream table. */
@Controller
class MatchingController {

    private final Paging paging;
    private final SideStreamService sideStreams;
    private final OrganizationService organizations;
    private final ParkService parks;

    MatchingController(Paging paging, SideStreamService sideStreams, OrganizationService organizations, ParkService parks) {
        this.paging = paging;
        this.sideStreams = sideStreams;
        this.organizations = organizations;
        this.parks = parks;
    }

    @QueryMapping
    List<SideStreamMatch> sideStreamMatches(@Argument String sideStreamId, @Argument Integer year, @Argument double maxDistanceKm,
                                            @Argument int first) {
        paging.page(first, null);
        return sideStreams.matches(sideStreamId, year == null ? Year.now().getValue() : year, maxDistanceKm, first);
    }

    @QueryMapping
    List<SideStreamRow> sideStreamTable(@Argument String parkId, @Argument int year, @Argument String ewcChapter) {
        if (ewcChapter != null && !ewcChapter.matches("\\d{2}")) {
            throw new BadRequestException("ewcChapter: a List of Waste chapter is two digits, like \"10\"; found \"" + ewcChapter + "\"");
        }
        if (parks.park(parkId).isEmpty()) {
            throw new NotFoundException("no park " + parkId);
        }
        return sideStreams.table(parkId, year, ewcChapter);
    }

    @BatchMapping(typeName = "SideStreamMatch", field = "need")
    Map<SideStreamMatch, Need> matchNeed(List<SideStreamMatch> list) {
        return Batches.one(list, SideStreamMatch::needId, sideStreams.needsByIds(Batches.ids(list, SideStreamMatch::needId)));
    }

    @BatchMapping(typeName = "SideStreamMatch", field = "process")
    Map<SideStreamMatch, Process> matchProcess(List<SideStreamMatch> list) {
        return Batches.one(list, SideStreamMatch::processId, organizations.processesByIds(Batches.ids(list, SideStreamMatch::processId)));
    }
}
