package org.openita.server.oit.internal.fetch;

import org.openita.core.framework.FiscalYear;
import org.openita.core.framework.OitItem;

/**
 * Reads a fetched link (HTML, PDF, DOCX, XLSX, plain text) and says what an assessor would notice first: the page is not
 * found, the document is for another year, the link is not on the agency's website, the item's key terms are missing.
 * A hint to the agency before it submits, never a verdict.
 */
public interface Prechecker {

    /**
     * @param agencyWebsite the agency's registered website (as the registry holds it: a URL or a bare host), or null
     */
    Findings check(Fetched fetched, String agencyWebsite, FiscalYear year, OitItem item);
}
