package org.openita.core.analysis;

import java.util.List;

/**
 * Who the report is about: name, location, the agency's own units (สำนักปลัด, กองคลัง, ...) and who signs the
 * report off.
 *
 * @param signOff the sign-off block, in the order it is printed (usually prepared, reviewed, approved); empty when
 *                the agency has entered none
 */
public record AgencyProfile(String name, String district, String province, List<String> units, List<Signatory> signOff) {

    public AgencyProfile {
        units = units == null ? List.of() : List.copyOf(units);
        signOff = signOff == null ? List.of() : List.copyOf(signOff);
    }

    public AgencyProfile(String name, String district, String province, List<String> units) {
        this(name, district, province, units, List.of());
    }

    public static AgencyProfile named(String name) {
        return new AgencyProfile(name, null, null, List.of());
    }

    public AgencyProfile withSignOff(List<Signatory> signatories) {
        return new AgencyProfile(name, district, province, units, signatories);
    }
}
