package org.openita.server.publication.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.Agency;
import org.openita.server.agency.AgencyCode;
import org.openita.server.agency.AgencyPagePart;
import org.openita.server.agency.AgencyAccess;
import org.openita.server.identity.PublicSite;
import org.openita.server.results.OfficialResults;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** On the agency's page: each year with results, whether its public page is published, its link, and the button to publish or withdraw it. */
@Component
class PublicationPart implements AgencyPagePart {

    private final OfficialResults results;
    private final Publications publications;
    private final AgencyAccess access;
    private final PublicSite site;

    PublicationPart(OfficialResults results, Publications publications, AgencyAccess access, PublicSite site) {
        this.results = results;
        this.publications = publications;
        this.access = access;
        this.site = site;
    }

    @Override
    public String template() {
        return "publication/agency-part";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Optional<Map<String, Object>> values(Agency agency, Authentication auth) {
        AgencyCode code = agency.code();
        List<FiscalYear> years = results.years(code);
        if (years.isEmpty()) {
            return Optional.empty();
        }
        List<Map<String, Object>> rows = years.stream().map(y -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("year", y.buddhistEra());
            row.put("published", publications.published(code, y));
            row.put("link", site.link("/public/{c}/{y}", agency.code().value(), y.buddhistEra()));
            return row;
        }).toList();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("code", agency.code());
        v.put("years", rows);
        v.put("canManage", access.canManage(auth, agency.code()));
        return Optional.of(v);
    }
}
