package org.oversight.register;

import java.util.List;
import java.util.UUID;

/** One local authority as the register knows it. */
public record LocalAuthority(
        UUID id,
        int urn,
        String laCode,
        String laCodeNew,
        String name,
        List<String> alsoKnownAs,
        String regionCode,
        String regionName,
        String laType,
        Integer population0to25,
        boolean active,
        List<NeighbourRef> statisticalNeighbours) {

    /** A statistical neighbour, closest first. */
    public record NeighbourRef(int rank, UUID id, int urn, String laCode, String name) {
    }
}
