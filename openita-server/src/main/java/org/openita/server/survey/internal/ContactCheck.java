package org.openita.server.survey.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.openita.core.thai.ThaiFormat;
import org.openita.server.upload.TableReader;
import org.openita.server.web.TextInput;

/**
 * Checks the contacts an agency gives, one row at a time: a name, at least a phone or an e-mail, a phone that is a Thai
 * mobile ({@link ThaiMobile}) or landline (0X-XXX-XXXX: nine digits, the second 2 to 7), an e-mail shaped like one, a
 * known kind, nothing too long, and no person twice (in the file, or already on the list). A problem never quotes the
 * person's details back, only the row and the column.
 */
final class ContactCheck {

    static final int NAME_LONGEST = 200;
    static final int ORGANISATION_LONGEST = 200;
    static final int PHONE_LONGEST = 40;
    static final int EMAIL_LONGEST = 254;

    /** A contact as written, before checking. */
    public record Entry(int row, String name, String organisation, String phone, String email, String kind) {
        @Override
        public String toString() {
            return "Entry[row " + row + "]";
        }
    }

    /** A checked contact. */
    record Checked(ContactDetails details, ContactKind kind) {
    }

    /** A problem in one row; the column is the message key of its heading. */
    public record Problem(int row, String columnKey, String th, String en) {
    }

    private final BiFunction<ContactKind, Locale, String> labels;
    private final Set<String> seen;

    /**
     * @param labels the label of a kind in a language
     * @param existing the contacts already on the list, so that a person is not added twice
     */
    ContactCheck(BiFunction<ContactKind, Locale, String> labels, List<ContactDetails> existing) {
        this.labels = labels;
        this.seen = new HashSet<>();
        existing.forEach(d -> seen.add(d.sameness()));
    }

    /** Checks one entry, adding its problems to {@code problems}; the contact when there are none. */
    Optional<Checked> check(Entry e, List<Problem> problems) {
        int before = problems.size();
        String name = clean(e.name());
        String organisation = clean(e.organisation());
        String phone = clean(e.phone());
        String email = clean(e.email());
        String kindText = clean(e.kind());
        refused(e.row(), "field.col.name", e.name(), problems);
        refused(e.row(), "field.col.organisation", e.organisation(), problems);
        refused(e.row(), "field.col.phone", e.phone(), problems);
        refused(e.row(), "field.col.email", e.email(), problems);
        if (name.isEmpty()) {
            problems.add(new Problem(e.row(), "field.col.name", "ไม่มีชื่อ", "the name is empty"));
        }
        tooLong(e.row(), "field.col.name", name, NAME_LONGEST, problems);
        tooLong(e.row(), "field.col.organisation", organisation, ORGANISATION_LONGEST, problems);
        if (phone.isEmpty() && email.isEmpty()) {
            problems.add(new Problem(e.row(), "field.col.phone", "ไม่มีทั้งโทรศัพท์และอีเมล ต้องมีอย่างน้อยหนึ่งอย่าง",
                    "there is neither a phone nor an e-mail; give at least one"));
        }
        if (!phone.isEmpty() && !thaiPhone(phone)) {
            problems.add(new Problem(e.row(), "field.col.phone",
                    "โทรศัพท์ไม่ใช่หมายเลขในประเทศไทย (มือถือ 08X-XXX-XXXX หรือโทรศัพท์พื้นฐาน 0X-XXX-XXXX)",
                    "the phone is not a Thai number (mobile 08X-XXX-XXXX or landline 0X-XXX-XXXX)"));
        }
        if (!email.isEmpty() && !email(email)) {
            problems.add(new Problem(e.row(), "field.col.email", "อีเมลไม่ถูกต้อง", "the e-mail is not valid"));
        }
        Optional<ContactKind> kind = ContactKind.of(kindText, labels);
        if (kind.isEmpty()) {
            String allowed = String.join(", ", java.util.Arrays.stream(ContactKind.values()).map(k -> labels.apply(k, Locale.forLanguageTag("th"))).toList());
            String allowedEn = String.join(", ", java.util.Arrays.stream(ContactKind.values()).map(k -> labels.apply(k, Locale.ENGLISH)).toList());
            problems.add(kindText.isEmpty()
                    ? new Problem(e.row(), "field.col.kind", "ไม่ได้ระบุลักษณะการติดต่อ (ใช้ได้: " + allowed + ")", "no kind of contact (allowed: " + allowedEn + ")")
                    : new Problem(e.row(), "field.col.kind", "ไม่รู้จักลักษณะการติดต่อ \"" + TableReader.quoted(kindText) + "\" (ใช้ได้: " + allowed + ")",
                            "unknown kind of contact \"" + TableReader.quoted(kindText) + "\" (allowed: " + allowedEn + ")"));
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        ContactDetails d = new ContactDetails(name, organisation, phone, email);
        if (!seen.add(d.sameness())) {
            problems.add(new Problem(e.row(), "field.col.name", "ซ้ำกับรายชื่อก่อนหน้า (ชื่อและโทรศัพท์หรืออีเมลเดียวกัน)",
                    "a duplicate of an earlier contact (same name and phone or e-mail)"));
            return Optional.empty();
        }
        return Optional.of(new Checked(d, kind.get()));
    }

    private static String clean(String s) {
        return s == null ? "" : TextInput.trim(s);
    }

    private static void refused(int row, String col, String s, List<Problem> problems) {
        if (s != null && TextInput.firstRefused(s) >= 0) {
            problems.add(new Problem(row, col, "มีอักขระที่ใช้ไม่ได้ (อักขระควบคุม)", "holds a character that is not allowed (a control character)"));
        }
    }

    private static void tooLong(int row, String col, String s, int longest, List<Problem> problems) {
        if (s.codePointCount(0, s.length()) > longest) {
            problems.add(new Problem(row, col, "ยาวเกิน " + longest + " ตัวอักษร", "longer than " + longest + " characters"));
        }
    }

    /** A Thai mobile (as {@link ThaiMobile} reads it) or landline: 0 then 2-7 then seven digits, or the same after +66. */
    static boolean thaiPhone(String written) {
        if (written.length() > PHONE_LONGEST) {
            return false;
        }
        if (ThaiMobile.parse(written).isPresent()) {
            return true;
        }
        String t = ThaiFormat.toArabicDigits(written);
        if (!t.matches("\\+?[0-9 ().\\-\u00a0]+")) {
            return false;
        }
        String d = t.replaceAll("[^0-9]", "");
        String national = t.strip().startsWith("+") ? (d.startsWith("66") ? d.substring(2) : "") : d.startsWith("0") ? d.substring(1) : "";
        if (national.startsWith("0")) {
            national = national.substring(1);
        }
        return national.matches("[2-7][0-9]{7}");
    }

    static boolean email(String s) {
        return s.length() <= EMAIL_LONGEST && s.matches("[^@\\s\"<>,;]+@[^@\\s\"<>,;]+\\.[^@\\s\"<>,;.]{2,}");
    }

    /** Every problem of every entry, and the checked contacts when there were none. */
    static List<Problem> all(ContactCheck check, List<Entry> entries, List<Checked> out) {
        List<Problem> problems = new ArrayList<>();
        for (Entry e : entries) {
            check.check(e, problems).ifPresent(out::add);
        }
        return problems;
    }
}
