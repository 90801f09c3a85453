package org.openita.core.thai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openita.core.framework.FiscalYear;

class ThaiFormatTest {

    @Test
    void buddhistEraDatesInThaiOrArabicDigits() {
        LocalDate d = LocalDate.of(2025, 3, 31);
        assertThat(ThaiFormat.date(d, DigitStyle.THAI)).isEqualTo("๓๑ มีนาคม ๒๕๖๘");
        assertThat(ThaiFormat.date(d, DigitStyle.ARABIC)).isEqualTo("31 มีนาคม 2568");
    }

    @Test
    void scoresRoundHalfUpToTwoDecimals() {
        assertThat(ThaiFormat.score(99.165, DigitStyle.THAI)).isEqualTo("๙๙.๑๗");
        assertThat(ThaiFormat.score(100, DigitStyle.ARABIC)).isEqualTo("100.00");
        assertThat(ThaiFormat.score(99.2274, DigitStyle.ARABIC)).isEqualTo("99.23");
        assertThat(ThaiFormat.number(85, DigitStyle.THAI)).isEqualTo("๘๕");
    }

    @Test
    void digitsConvertBothWays() {
        assertThat(ThaiFormat.toArabicDigits("๙๙.๑๗")).isEqualTo("99.17");
        assertThat(ThaiFormat.digits("o23 ข้อ 5", DigitStyle.THAI)).isEqualTo("o๒๓ ข้อ ๕");
    }

    @Test
    void fiscalYearsRunOctoberToSeptember() {
        assertThat(FiscalYear.containing(LocalDate.of(2024, 9, 30))).isEqualTo(FiscalYear.of(2567));
        assertThat(FiscalYear.containing(LocalDate.of(2024, 10, 1))).isEqualTo(FiscalYear.of(2568));
        assertThat(FiscalYear.containing(LocalDate.of(2025, 9, 30))).isEqualTo(FiscalYear.of(2568));
        assertThat(FiscalYear.of(2568).firstDay()).isEqualTo(LocalDate.of(2024, 10, 1));
        assertThat(FiscalYear.of(2568).lastDay()).isEqualTo(LocalDate.of(2025, 9, 30));
        assertThat(FiscalYear.quarterOf(LocalDate.of(2024, 12, 31))).isEqualTo(1);
        assertThat(FiscalYear.quarterOf(LocalDate.of(2025, 3, 31))).isEqualTo(2);
        assertThat(FiscalYear.quarterOf(LocalDate.of(2025, 9, 30))).isEqualTo(4);
    }

    @org.junit.jupiter.api.Test
    void aDifferenceIsSignedFromItsRoundedFigureSoZeroHasNoSign() {
        assertThat(ThaiFormat.difference(0.0000001, DigitStyle.ARABIC)).isEqualTo("0.00");
        assertThat(ThaiFormat.difference(-0.004, DigitStyle.ARABIC)).isEqualTo("0.00");
        assertThat(ThaiFormat.difference(0.0, DigitStyle.ARABIC)).isEqualTo("0.00");
        assertThat(ThaiFormat.difference(8.02, DigitStyle.ARABIC)).isEqualTo("+8.02");
        assertThat(ThaiFormat.difference(-0.06, DigitStyle.ARABIC)).isEqualTo("\u22120.06");
        assertThat(ThaiFormat.difference(1.255, DigitStyle.THAI)).isEqualTo("+๑.๒๖");
    }
}
