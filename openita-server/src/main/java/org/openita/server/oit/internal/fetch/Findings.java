package org.openita.server.oit.internal.fetch;

import java.util.List;

/**
 * What the pre-check found in one fetched link, against the agency's website, the fiscal year and the item.
 *
 * @param onAgencyDomain whether the final address is on the agency's registered website domain (or a subdomain);
 *                       null when the agency has no registered website or nothing was reached
 * @param title          the page's or document's title, when it has one
 * @param yearsFound     Buddhist-era years the text mentions (Thai or Arabic digits, พ.ศ. or ค.ศ. converted), most
 *                       mentioned first
 * @param termsFound     the item's key terms the text contains
 * @param warnings       plain warnings for the agency, in the order to show them; empty when nothing looks wrong
 */
public record Findings(Boolean onAgencyDomain, String title, List<Integer> yearsFound, List<String> termsFound,
                       List<Warning> warnings) {

    public Findings {
        yearsFound = List.copyOf(yearsFound);
        termsFound = List.copyOf(termsFound);
        warnings = List.copyOf(warnings);
    }

    /** One warning: a stable code and the sentence in Thai and English, with its figures already in it. */
    public record Warning(String code, String th, String en) {
    }
}
