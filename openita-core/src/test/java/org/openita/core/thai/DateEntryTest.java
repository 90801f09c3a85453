package org.openita.core.thai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openita.core.thai.DateEntry.Era.BUDDHIST;
import static org.openita.core.thai.DateEntry.Era.COMMON;

import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openita.core.thai.DateEntry.Reading;

class DateEntryTest {

    private static final LocalDate NEW_YEARS_EVE_2569 = LocalDate.of(2026, 12, 31);

    @ParameterizedTest
    @ValueSource(strings = {"31/12/2569", "๓๑/๑๒/๒๕๖๙", " 31 / 12 / 2569 ", "31-12-2569", "31.12.2569", "31 12 2569", "31122569", "๓๑๑๒๒๕๖๙", "31 ธ.ค. 2569", "31 ธ.ค.2569",
            "31 ธค 2569", "31 ธ. ค. 2569", "31 ธันวาคม 2569", "๓๑ ธันวาคม ๒๕๖๙", "31 ธ.ค. พ.ศ. 2569", "31 ธันวาคม พ.ศ.๒๕๖๙", "2569-12-31"})
    void buddhistEraFormsReadThaiOrArabicDigitsAndThaiMonthNames(String typed) {
        assertThat(DateEntry.read(typed, BUDDHIST)).isEqualTo(new Reading.Read(NEW_YEARS_EVE_2569));
    }

    @ParameterizedTest
    @ValueSource(strings = {"31/12/2026", "31 Dec 2026", "31 dec. 2026", "31 December 2026", "Dec 31, 2026", "December 31 2026", "2026-12-31",
            "31 ธ.ค. ค.ศ. 2026", "31 Dec A.D. 2026"})
    void commonEraFormsReadEnglishMonthNames(String typed) {
        assertThat(DateEntry.read(typed, COMMON)).isEqualTo(new Reading.Read(NEW_YEARS_EVE_2569));
    }

    @Test
    void anEraWrittenBesideTheYearWinsOverTheForms() {
        assertThat(DateEntry.read("31 Dec B.E. 2569", COMMON)).isEqualTo(new Reading.Read(NEW_YEARS_EVE_2569));
        assertThat(DateEntry.read("31 ธ.ค. ค.ศ. 2026", BUDDHIST)).isEqualTo(new Reading.Read(NEW_YEARS_EVE_2569));
    }

    @Test
    void aYearOfTheOtherEraIsRefusedWithTheYearMostLikelyMeant() {
        assertThat(DateEntry.read("31/12/2026", BUDDHIST)).isEqualTo(new Reading.OtherEra(2026, 2569));
        assertThat(DateEntry.read("31 ธ.ค. 2026", BUDDHIST)).isEqualTo(new Reading.OtherEra(2026, 2569));
        assertThat(DateEntry.read("31/12/2569", COMMON)).isEqualTo(new Reading.OtherEra(2569, 2026));
    }

    @Test
    void february29thExistsInBuddhistLeapYearsOnly() {
        // 2567 is 2024 and 2571 is 2028: leap; 2569 is 2026 and 2543 is 2000 (a leap century)
        assertThat(DateEntry.read("29/02/2567", BUDDHIST)).isEqualTo(new Reading.Read(LocalDate.of(2024, 2, 29)));
        assertThat(DateEntry.read("๒๙ ก.พ. ๒๕๗๑", BUDDHIST)).isEqualTo(new Reading.Read(LocalDate.of(2028, 2, 29)));
        assertThat(DateEntry.read("29/2/2543", BUDDHIST)).isEqualTo(new Reading.Read(LocalDate.of(2000, 2, 29)));
        assertThat(DateEntry.read("29/02/2643", BUDDHIST)).isEqualTo(new Reading.NoSuchDay(29, 2, 2643)); // 2100: not a leap century
        assertThat(DateEntry.read("29/02/2569", BUDDHIST)).isEqualTo(new Reading.NoSuchDay(29, 2, 2569));
        assertThat(DateEntry.read("29/02/2026", COMMON)).isEqualTo(new Reading.NoSuchDay(29, 2, 2026));
        assertThat(DateEntry.read("29/02/2024", COMMON)).isEqualTo(new Reading.Read(LocalDate.of(2024, 2, 29)));
    }

    @Test
    void impossibleDaysAndMonthsAreNamed() {
        assertThat(DateEntry.read("31/04/2569", BUDDHIST)).isEqualTo(new Reading.NoSuchDay(31, 4, 2569));
        assertThat(DateEntry.read("31/13/2569", BUDDHIST)).isEqualTo(new Reading.NoSuchDay(31, 13, 2569));
        assertThat(DateEntry.read("0/1/2569", BUDDHIST)).isEqualTo(new Reading.NoSuchDay(0, 1, 2569));
        assertThat(DateEntry.read("2569-02-30", BUDDHIST)).isEqualTo(new Reading.NoSuchDay(30, 2, 2569));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "พรุ่งนี้", "31 ธันวา 2569", "31/12", "12/2569", "31 Smarch 2026", "31//12/2569", "2569/12/31x",
            "1111111111111111111111111111111111111111111111111111111"})
    void whatIsNotADateIsUnreadable(String typed) {
        assertThat(DateEntry.read(typed, BUDDHIST)).isEqualTo(new Reading.Unreadable());
        assertThat(DateEntry.read(null, COMMON)).isEqualTo(new Reading.Unreadable());
    }

    @Test
    void twoDigitYearsAndFarYearsAreRefused() {
        assertThat(DateEntry.read("31/12/69", BUDDHIST)).isEqualTo(new Reading.ShortYear());
        assertThat(DateEntry.read("31/12/3000", BUDDHIST)).isEqualTo(new Reading.YearOutOfRange(3000));
        assertThat(DateEntry.read("31/12/1066", COMMON)).isEqualTo(new Reading.YearOutOfRange(1066));
        assertThat(DateEntry.read("01/01/2492", BUDDHIST)).isEqualTo(new Reading.YearOutOfRange(2492));
        assertThat(DateEntry.read("01/01/2493", BUDDHIST)).isEqualTo(new Reading.Read(LocalDate.of(1950, 1, 1)));
        assertThat(DateEntry.read("31/12/2200", COMMON)).isEqualTo(new Reading.Read(LocalDate.of(2200, 12, 31)));
        assertThat(DateEntry.read("01/01/2201", COMMON)).isEqualTo(new Reading.YearOutOfRange(2201));
        assertThat(DateEntry.read("31/12/25690", BUDDHIST)).isEqualTo(new Reading.YearOutOfRange(25690));
    }

    @Test
    void formattedDatesReadBackToTheSameDay() {
        Random random = new Random(20261231L);
        for (int i = 0; i < 2000; i++) {
            LocalDate d = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(250 * 365));
            for (DigitStyle digits : DigitStyle.values()) {
                String be = DateEntry.format(d, BUDDHIST, digits);
                String ce = DateEntry.format(d, COMMON, digits);
                assertThat(DateEntry.read(be, BUDDHIST)).as(be).isEqualTo(new Reading.Read(d));
                assertThat(DateEntry.read(ce, COMMON)).as(ce).isEqualTo(new Reading.Read(d));
            }
        }
        assertThat(DateEntry.format(NEW_YEARS_EVE_2569, BUDDHIST, DigitStyle.ARABIC)).isEqualTo("31/12/2569");
        assertThat(DateEntry.format(LocalDate.of(2026, 3, 5), BUDDHIST, DigitStyle.THAI)).isEqualTo("๐๕/๐๓/๒๕๖๙");
        assertThat(DateEntry.format(LocalDate.of(2026, 3, 5), COMMON, DigitStyle.ARABIC)).isEqualTo("05/03/2026");
    }
}
