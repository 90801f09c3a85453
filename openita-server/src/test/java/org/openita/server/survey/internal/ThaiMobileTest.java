package org.openita.server.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Thai mobile numbers as people write them, and what is not one. */
class ThaiMobileTest {

    @ParameterizedTest
    @ValueSource(strings = {"0812345678", "081-234-5678", "081 234 5678", "+66812345678", "+66 81 234 5678", "+66-81-234-5678",
            "66812345678", "+66 081 234 5678", "(081) 234-5678", "๐๘๑๒๓๔๕๖๗๘", " 081.234.5678 "})
    void theSameMobileWrittenInEveryUsualWay(String written) {
        assertThat(ThaiMobile.parse(written)).hasValueSatisfying(m -> {
            assertThat(m.international()).isEqualTo("66812345678");
            assertThat(m.local()).isEqualTo("0812345678");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"0612345678", "0912345678", "+66 61 234 5678", "+66 91 234 5678"})
    void the06And09RangesAreMobilesToo(String written) {
        assertThat(ThaiMobile.parse(written)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "021234567", "02-123-4567", "0712345678", "053123456", "081234567", "08123456789", "+1 415 555 0100",
            "+44 7911 123456", "812345678", "+0812345678", "0812345678x", "tel:0812345678", "081+2345678", "++66812345678",
            "0812345678 0812345678"})
    void anythingElseIsNot(String written) {
        assertThat(ThaiMobile.parse(written)).isEmpty();
    }
}
