package org.openita.server.agency;

import java.util.List;

/** One agency of the registry. */
public record Agency(AgencyCode code, String nameTh, String nameEn, AgencyType type, String size, String assessmentGroup,
                     String parentCode, String province, String district, String website, Integer staffCount,
                     List<String> units) {

    public Agency {
        units = List.copyOf(units);
    }
}
