package org.oversight.childdata.ssda903.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ofsted's lists of children's homes and social care providers, as DfE's URN rules need them (1008, 219, 221, 224,
 * 227, 228, 229). These lists are sent to LAs, not published with the fields these rules need, so Oversight has them
 * only when a caller gives them; without them those rules are reported as not checked.
 */
public final class ProviderInfo {

    /**
     * One provider.
     *
     * @param urn           Ofsted URN
     * @param placeCodes    placement types it can provide (PLACE codes)
     * @param providerCodes placement provider codes (PR0-PR5)
     * @param regEnd        date its registration ended, or null
     * @param postcode      its postcode, upper case without spaces, or null
     * @param la            the upper-tier LA of that postcode (ONS code), or null
     */
    public record Provider(String urn, List<String> placeCodes, List<String> providerCodes, LocalDate regEnd,
                           String postcode, String la) {
    }

    private final Map<String, List<Provider>> byUrn = new HashMap<>();

    public ProviderInfo(List<Provider> providers) {
        for (Provider p : providers) {
            byUrn.computeIfAbsent(p.urn(), k -> new ArrayList<>()).add(p);
        }
    }

    /** The providers with this URN (usually one), empty if none. */
    public List<Provider> find(String urn) {
        return urn == null ? List.of() : byUrn.getOrDefault(urn, List.of());
    }
}
