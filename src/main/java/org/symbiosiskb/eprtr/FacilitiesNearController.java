package org.symbiosiskb.eprtr;

import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.symbiosiskb.api.Batches;
import org.symbiosiskb.organization.OrganizationService;
import org.symbiosiskb.organization.Process;

@Controller
class FacilitiesNearController {

    private final FacilitiesNearService facilities;
    private final OrganizationService organizations;

    FacilitiesNearController(FacilitiesNearService facilities, OrganizationService organizations) {
        this.facilities = facilities;
        this.organizations = organizations;
    }

    @QueryMapping
    List<NearbyFacility> facilitiesNear(@Argument String parkId, @Argument double radiusKm, @Argument Integer year, @Argument int first) {
        return facilities.facilitiesNear(parkId, radiusKm, year, first);
    }

    @BatchMapping(typeName = "NearbyFacility", field = "process")
    Map<NearbyFacility, Process> process(List<NearbyFacility> list) {
        return Batches.one(list, NearbyFacility::processId, organizations.processesByIds(Batches.ids(list, NearbyFacility::processId)));
    }
}
