package org.openita.server.agency.internal;

import java.util.List;
import java.util.Optional;

/** The columns of the registry file, with their Thai headers and the English keys also accepted. */
public enum AgencyColumns {
    CODE("รหัสหน่วยงาน", "code", true),
    NAME_TH("ชื่อหน่วยงาน", "name_th", true),
    NAME_EN("ชื่อภาษาอังกฤษ", "name_en", false),
    TYPE("ประเภทหน่วยงาน", "type", true),
    SIZE("ขนาด", "size", false),
    GROUP("กลุ่มการประเมิน", "assessment_group", false),
    PARENT("รหัสหน่วยงานต้นสังกัด", "parent_code", false),
    PROVINCE("จังหวัด", "province", false),
    DISTRICT("อำเภอ", "district", false),
    WEBSITE("เว็บไซต์หลัก", "website", false),
    STAFF("จำนวนบุคลากร", "staff_count", false),
    UNITS("หน่วยงานภายใน", "units", false);

    final String thai;
    final String key;
    final boolean required;

    AgencyColumns(String thai, String key, boolean required) {
        this.thai = thai;
        this.key = key;
        this.required = required;
    }

    static Optional<AgencyColumns> ofHeader(String header) {
        String h = org.openita.server.web.TextInput.trim(header.replace("\uFEFF", ""));
        for (AgencyColumns c : values()) {
            if (c.thai.equals(h) || c.key.equalsIgnoreCase(h)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public static List<String> thaiHeaders() {
        return java.util.Arrays.stream(values()).map(c -> c.thai).toList();
    }
}
