package org.openita.server.agency.internal;

import org.openita.server.agency.Agency;
import org.openita.server.agency.AgencyCode;
import org.openita.server.agency.AgencyType;
import org.openita.server.agency.ImportProblem;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openita.core.thai.ThaiFormat;
import org.openita.server.upload.TableReader;
import org.openita.server.web.TextInput;

/** Checks each row of a registry file and turns the valid ones into agencies. */
public final class AgencyRows {


    /** The longest value a registry cell may hold (names, websites, the list of units). */
    static final int MAX_CELL_CHARS = 2000;

    public record Checked(List<Agency> valid, List<ImportProblem> problems, int rows) {
    }

    private AgencyRows() {
    }

    /** @param knownCodes codes already in the registry (a parent may be one of them or in the same file) */
    public static Checked check(List<AgencyFile.RawRow> rows, Set<String> knownCodes) {
        List<Agency> valid = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> inFile = new HashSet<>();
        rows.forEach(r -> inFile.add(r.cells().getOrDefault(AgencyColumns.CODE, "")));
        for (AgencyFile.RawRow row : rows) {
            List<ImportProblem> mine = new ArrayList<>();
            Map<AgencyColumns, String> c = row.cells();
            c.forEach((column, value) -> {
                int bad = TextInput.firstRefused(value);
                if (bad >= 0) {
                    String cp = TextInput.codePoint(value, bad);
                    mine.add(problem(row, column, "มีอักขระควบคุม " + cp + " ซึ่งรับไม่ได้", "holds the control character " + cp + ", which is not accepted"));
                } else if (value.length() > MAX_CELL_CHARS) {
                    mine.add(problem(row, column, "ยาวเกิน " + MAX_CELL_CHARS + " ตัวอักษร", "longer than " + MAX_CELL_CHARS + " characters"));
                }
            });
            if (!mine.isEmpty()) {
                problems.addAll(mine);
                continue;
            }
            String code = c.getOrDefault(AgencyColumns.CODE, "");
            if (code.isEmpty()) {
                mine.add(problem(row, AgencyColumns.CODE, "ต้องระบุรหัสหน่วยงาน", "the agency code is required"));
            } else if (!AgencyCode.isValid(code)) {
                mine.add(problem(row, AgencyColumns.CODE, "รหัสหน่วยงานใช้ได้เฉพาะ" + AgencyColumns.CODE.allowed(false),
                        "a code may use only " + AgencyColumns.CODE.allowed(true)));
            } else if (!seen.add(code)) {
                mine.add(problem(row, AgencyColumns.CODE, "รหัส " + code + " ซ้ำกับแถวก่อนหน้าในไฟล์", "code " + code + " appears twice in the file"));
            }
            String name = c.getOrDefault(AgencyColumns.NAME_TH, "");
            if (name.isEmpty()) {
                mine.add(problem(row, AgencyColumns.NAME_TH, "ต้องระบุชื่อหน่วยงาน", "the agency's Thai name is required"));
            }
            String typeText = c.getOrDefault(AgencyColumns.TYPE, "");
            AgencyType type = AgencyType.parse(typeText).orElse(null);
            if (type == null) {
                mine.add(problem(row, AgencyColumns.TYPE, "ไม่รู้จักประเภท \"" + TableReader.quoted(typeText) + "\" (ใช้ได้: "
                        + AgencyColumns.TYPE.allowed(false) + ")",
                        "unknown type \"" + TableReader.quoted(typeText) + "\" (allowed: " + AgencyColumns.TYPE.allowed(true) + ")"));
            }
            String size = c.getOrDefault(AgencyColumns.SIZE, "").toUpperCase(java.util.Locale.ROOT);
            if (!size.isEmpty() && !AgencyColumns.SIZES.contains(size)) {
                mine.add(problem(row, AgencyColumns.SIZE, "ขนาดต้องเป็น " + AgencyColumns.SIZE.allowed(false), "size must be " + AgencyColumns.SIZE.allowed(true)));
            } else if (!size.isEmpty() && type != null && !type.hasSize()) {
                mine.add(problem(row, AgencyColumns.SIZE, "ขนาดใช้ไม่ได้กับประเภทนี้: " + AgencyColumns.SIZE.allowed(false),
                        "size does not apply to this type: " + AgencyColumns.SIZE.allowed(true)));
            }
            String parent = c.getOrDefault(AgencyColumns.PARENT, "");
            if (!parent.isEmpty() && !knownCodes.contains(parent) && !inFile.contains(parent)) {
                mine.add(problem(row, AgencyColumns.PARENT, "ไม่พบหน่วยงานต้นสังกัดรหัส " + TableReader.quoted(parent), "no agency with parent code " + TableReader.quoted(parent)));
            }
            String website = c.getOrDefault(AgencyColumns.WEBSITE, "");
            if (!website.isEmpty() && !isWebAddress(website)) {
                mine.add(problem(row, AgencyColumns.WEBSITE, "เว็บไซต์ต้องเป็น" + AgencyColumns.WEBSITE.allowed(false), "the website must be " + AgencyColumns.WEBSITE.allowed(true)));
            }
            Integer staff = null;
            String staffText = ThaiFormat.toArabicDigits(c.getOrDefault(AgencyColumns.STAFF, "").replace(",", ""));
            if (!staffText.isEmpty()) {
                try {
                    staff = Integer.parseInt(staffText);
                    if (staff < 0) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException e) {
                    mine.add(problem(row, AgencyColumns.STAFF, "จำนวนบุคลากรต้องเป็น" + AgencyColumns.STAFF.allowed(false), "the headcount must be " + AgencyColumns.STAFF.allowed(true)));
                }
            }
            List<String> units = Arrays.stream(c.getOrDefault(AgencyColumns.UNITS, "").split("[;|]"))
                    .map(String::trim).filter(u -> !u.isEmpty()).toList();
            if (mine.isEmpty()) {
                valid.add(new Agency(AgencyCode.of(code), name, blankToNull(c.get(AgencyColumns.NAME_EN)), type, size.isEmpty() ? null : size,
                        blankToNull(c.get(AgencyColumns.GROUP)), blankToNull(parent), blankToNull(c.get(AgencyColumns.PROVINCE)),
                        blankToNull(c.get(AgencyColumns.DISTRICT)), blankToNull(website), staff, units));
            }
            problems.addAll(mine);
        }
        return new Checked(valid, problems, rows.size());
    }

    private static boolean isWebAddress(String s) {
        try {
            URI u = URI.create(s);
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static ImportProblem problem(AgencyFile.RawRow row, AgencyColumns col, String th, String en) {
        return new ImportProblem(row.number(), col.thai, th, en);
    }
}
