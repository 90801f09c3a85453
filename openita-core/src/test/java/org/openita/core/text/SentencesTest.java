package org.openita.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openita.core.framework.LocalizedText;

class SentencesTest {

    @Test
    void thaiAndEnglishHaveTheSameKeysAndPlaceholders() {
        assertThat(Sentences.keys(true)).isEqualTo(Sentences.keys(false)).isNotEmpty();
        for (String key : Sentences.keys(false)) {
            assertThat(Sentences.placeholders(Sentences.template(key, true))).as(key)
                    .isEqualTo(Sentences.placeholders(Sentences.template(key, false)));
            assertThat(Sentences.template(key, false)).as(key).doesNotContain("  ").doesNotStartWith(" ")
                    .matches(s -> s.codePoints().anyMatch(c -> c >= 0x0E00 && c <= 0x0E7F), "is Thai");
        }
    }

    @Test
    void aLocalizedValueFillsEachLanguageWithItsOwnText() {
        LocalizedText t = Sentences.fill("measure.addresses.indicator", "number", 6,
                "name", LocalizedText.of("คุณภาพการดำเนินงาน", "Quality of operations"));
        assertThat(t).isEqualTo(LocalizedText.of("ตัวชี้วัดที่ 6 คุณภาพการดำเนินงาน", "indicator 6 Quality of operations"));
        assertThatThrownBy(() -> Sentences.fill("measure.addresses.indicator", "number", 6)).hasMessageContaining("{name}");
        assertThatThrownBy(() -> Sentences.get("no.such.key")).hasMessageContaining("no.such.key");
    }

    @Test
    void listsJoinWithSpacesAndASpaceAfterAndBeforeALatinWord() {
        assertThat(Sentences.and(java.util.List.of("IIT", "EIT", "OIT"), false)).isEqualTo("IIT EIT และ OIT");
        assertThat(Sentences.and(java.util.List.of("ตัวชี้วัดที่ 2", "ตัวชี้วัดที่ 5"), false)).isEqualTo("ตัวชี้วัดที่ 2 และตัวชี้วัดที่ 5");
        assertThat(Sentences.and(java.util.List.of("ข้อ ๑", "๒"), false)).isEqualTo("ข้อ ๑ และ ๒");
        assertThat(Sentences.and(java.util.List.of("IIT", "EIT", "OIT"), true)).isEqualTo("IIT, EIT and OIT");
        assertThat(Sentences.and(java.util.List.of("IIT"), false)).isEqualTo("IIT");
        assertThat(Sentences.and(java.util.List.of(), true)).isEmpty();
    }
}
