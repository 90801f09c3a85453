package org.openita.server.survey.internal;

import java.util.Optional;

/**
 * A Thai mobile number as people write it: 08x, 09x or 06x and seven more digits, with or without spaces, dashes,
 * dots or brackets, or the same after +66 (with or without the leading 0), in Arabic or Thai digits. Anything else
 * (a landline, a foreign number, too few digits) is not one.
 *
 * @param national the nine digits after the country code, e.g. 812345678
 */
record ThaiMobile(String national) {

    static Optional<ThaiMobile> parse(String written) {
        if (written == null || written.length() > 40) {
            return Optional.empty();
        }
        StringBuilder digits = new StringBuilder();
        boolean plus = false;
        for (char c : org.openita.core.thai.ThaiFormat.toArabicDigits(written).toCharArray()) {
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+' && digits.isEmpty() && !plus) {
                plus = true;
            } else if (" -.()\u00a0".indexOf(c) < 0) {
                return Optional.empty();
            }
        }
        String d = digits.toString();
        String national;
        if (d.startsWith("66") && (plus || d.length() >= 11)) {
            national = d.substring(2);
            if (national.startsWith("0")) {
                national = national.substring(1);
            }
        } else if (!plus && d.startsWith("0")) {
            national = d.substring(1);
        } else {
            return Optional.empty();
        }
        return national.matches("[689][0-9]{8}") ? Optional.of(new ThaiMobile(national)) : Optional.empty();
    }

    /** 66812345678: as SMS gateways take it. */
    String international() {
        return "66" + national;
    }

    /** 0812345678. */
    String local() {
        return "0" + national;
    }
}
