package org.openita.server.results;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openita.server.agency.Agency;

/** The "agency" object of a stored score input (docs/schemas/score-input.schema.json), from the registry's entry. */
public final class ScoreInputAgency {

    private ScoreInputAgency() {
    }

    /** The agency's Thai name, and its district, province and units when the registry has them. */
    public static Map<String, Object> of(Agency agency) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("name", agency.nameTh());
        if (agency.district() != null) {
            profile.put("district", agency.district());
        }
        if (agency.province() != null) {
            profile.put("province", agency.province());
        }
        if (!agency.units().isEmpty()) {
            profile.put("units", agency.units());
        }
        return profile;
    }
}
