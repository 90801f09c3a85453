package org.openita.server.agency.internal;

import java.util.List;
import java.util.Optional;
import org.openita.server.agency.AgencyCode;
import org.openita.server.agency.AgencyType;

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

    public final String thai;
    public final String key;
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

    /** The sizes a SAO or a subdistrict or town municipality may have. */
    static final List<String> SIZES = List.of("S", "M", "L");

    /**
     * What the column accepts, in Thai or English: the text the import page lists and the text of the problems that
     * {@link AgencyRows} reports, so the two never disagree. Empty when anything is accepted (a free text).
     */
    String allowed(boolean english) {
        return switch (this) {
            case CODE -> english ? "Latin letters, digits and . _ - (at most " + AgencyCode.MAX_LENGTH + ")"
                    : "ตัวอักษรอังกฤษ ตัวเลข และ . _ - ไม่เกิน " + AgencyCode.MAX_LENGTH + " ตัว";
            case TYPE -> String.join(", ", java.util.Arrays.stream(AgencyType.values())
                    .map(t -> english ? t.name() + " (" + t.thai() + ")" : t.thai()).toList())
                    + (english ? "" : " (ใช้ อบต. หรือ อบจ. แทนชื่อเต็มได้)");
            case SIZE -> String.join(", ", SIZES) + (english ? ", only for " : " ใช้กับ ")
                    + String.join(english ? ", " : " ", java.util.Arrays.stream(AgencyType.values()).filter(AgencyType::hasSize)
                            .map(t -> english ? t.name() : t.thai()).toList()) + (english ? "" : " เท่านั้น");
            case PARENT -> english ? "the code of an agency in the registry or in the same file" : "รหัสของหน่วยงานที่อยู่ในทะเบียนหรือในไฟล์เดียวกัน";
            case WEBSITE -> english ? "an address starting with http:// or https://" : "ที่อยู่ที่ขึ้นต้นด้วย http:// หรือ https://";
            case STAFF -> english ? "a whole number, zero or more" : "จำนวนเต็มตั้งแต่ 0 ขึ้นไป";
            case UNITS -> english ? "unit names separated by ; or |" : "ชื่อหน่วยงานภายใน คั่นด้วย ; หรือ |";
            default -> "";
        };
    }

    /** One column as the import page lists it. */
    record Help(String thai, String key, boolean required, String allowedTh, String allowedEn) {
    }

    static List<Help> help() {
        return java.util.Arrays.stream(values()).map(c -> new Help(c.thai, c.key, c.required, c.allowed(false), c.allowed(true))).toList();
    }
}
