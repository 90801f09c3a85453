package org.openita.server.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The row checks of a contact list: Thai phones, e-mails, kinds and duplicates. */
class ContactCheckTest {

    @Test
    void thaiMobilesAndLandlinesAreTakenOthersAreNot() {
        for (String ok : List.of("081-234-5678", "0812345678", "+66 81 234 5678", "๐๘๑-๒๓๔-๕๖๗๘", "02-123-4567", "021234567", "043-555-012",
                "+66 2 123 4567", "(02) 123 4567", "+66 (0)2 123 4567")) {
            assertThat(ContactCheck.thaiPhone(ok)).as(ok).isTrue();
        }
        for (String bad : List.of("12345", "0812", "02-123-456", "+1 415 555 0100", "1234567890", "081-234-5678 ต่อ 12", "01-234-5678", "abc")) {
            assertThat(ContactCheck.thaiPhone(bad)).as(bad).isFalse();
        }
        assertThat(ContactCheck.email("a.b@example.co.th")).isTrue();
        assertThat(ContactCheck.email("not-an-email")).isFalse();
        assertThat(ContactCheck.email("a@b")).isFalse();
    }

    @Test
    void aRowIsCheckedForEachProblemAndTheSamePersonIsRefusedTwice() {
        ContactCheck check = new ContactCheck((k, l) -> l.getLanguage().equals("th") ? "ไทย" + k.name() : "en" + k.name(),
                List.of(new ContactDetails("นาย ก", "", "081-111-2222", "")));
        List<ContactCheck.Problem> problems = new ArrayList<>();
        assertThat(check.check(new ContactCheck.Entry(2, "นาย  ก", "", "0811112222", "", "SERVICE"), problems)).isEmpty();
        assertThat(problems).extracting(ContactCheck.Problem::th).containsExactly("ซ้ำกับรายชื่อก่อนหน้า (ชื่อและโทรศัพท์หรืออีเมลเดียวกัน)");
        problems.clear();
        assertThat(check.check(new ContactCheck.Entry(3, "", "", "", "", "?"), problems)).isEmpty();
        assertThat(problems).extracting(ContactCheck.Problem::row).containsOnly(3);
        assertThat(problems).extracting(ContactCheck.Problem::columnKey).containsExactly("field.col.name", "field.col.phone", "field.col.kind");
        problems.clear();
        assertThat(check.check(new ContactCheck.Entry(4, "นาย ข", "", "", "b@example.com", "ไทยPARTNER"), problems)).get()
                .extracting(ContactCheck.Checked::kind).isEqualTo(ContactKind.PARTNER);
        assertThat(check.check(new ContactCheck.Entry(5, "นาย ค", "", "", "c@example.com", "enOTHER"), problems)).isPresent();
        assertThat(problems).isEmpty();
        assertThat(ContactKind.of("partner", (k, l) -> k.name() + l.getLanguage())).contains(ContactKind.PARTNER);
        assertThat(Locale.ENGLISH.getLanguage()).isEqualTo("en");
    }
}
