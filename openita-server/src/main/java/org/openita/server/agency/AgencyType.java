package org.openita.server.agency;

import java.util.Optional;

/** Kinds of agency, with the Thai names an import file may use. */
public enum AgencyType {
    MINISTRY("กระทรวง"),
    DEPARTMENT("กรม"),
    PROVINCE("จังหวัด"),
    PAO("องค์การบริหารส่วนจังหวัด"),
    CITY_MUNICIPALITY("เทศบาลนคร"),
    TOWN_MUNICIPALITY("เทศบาลเมือง"),
    SUBDISTRICT_MUNICIPALITY("เทศบาลตำบล"),
    SAO("องค์การบริหารส่วนตำบล"),
    STATE_ENTERPRISE("รัฐวิสาหกิจ"),
    PUBLIC_ORGANIZATION("องค์การมหาชน"),
    UNIVERSITY("มหาวิทยาลัย"),
    OTHER("หน่วยงานอื่น");

    private final String thai;

    AgencyType(String thai) {
        this.thai = thai;
    }

    public String thai() {
        return thai;
    }

    /** By code (SAO) or Thai name (องค์การบริหารส่วนตำบล, also the short form อบต.). */
    public static Optional<AgencyType> parse(String text) {
        String t = text.trim();
        if (t.equals("อบต.") || t.equals("อบต")) {
            return Optional.of(SAO);
        }
        if (t.equals("อบจ.") || t.equals("อบจ")) {
            return Optional.of(PAO);
        }
        for (AgencyType a : values()) {
            if (a.name().equalsIgnoreCase(t) || a.thai.equals(t)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** Local governments that are grouped by size S, M, L. */
    public boolean hasSize() {
        return this == SAO || this == SUBDISTRICT_MUNICIPALITY || this == TOWN_MUNICIPALITY;
    }
}
