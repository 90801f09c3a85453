package org.openita.core.analysis;

import java.util.List;

/** Who the report is about: name, location and the agency's own units (สำนักปลัด, กองคลัง, ...). */
public record AgencyProfile(String name, String district, String province, List<String> units) {

    public AgencyProfile {
        units = units == null ? List.of() : List.copyOf(units);
    }

    public static AgencyProfile named(String name) {
        return new AgencyProfile(name, null, null, List.of());
    }
}
