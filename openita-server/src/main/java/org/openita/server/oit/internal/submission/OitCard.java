package org.openita.server.oit.internal.submission;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.openita.core.framework.FiscalYear;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.server.agency.Agency;
import org.openita.server.agency.AgencyAccess;
import org.openita.server.agency.AgencyPagePart;
import org.openita.server.cycle.Phase;
import org.openita.server.cycle.PhaseWindow;
import org.openita.server.framework.FrameworkCatalog;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** The agency page's OIT section: the running fiscal year's items submitted so far, the dates, and the way in. */
@Component
class OitCard implements AgencyPagePart {

    private final AgencyAccess access;
    private final FrameworkCatalog frameworks;
    private final OitSubmissions submissions;
    private final OitCalendar calendar;

    OitCard(AgencyAccess access, FrameworkCatalog frameworks, OitSubmissions submissions, OitCalendar calendar) {
        this.access = access;
        this.frameworks = frameworks;
        this.submissions = submissions;
        this.calendar = calendar;
    }

    @Override
    public String template() {
        return "oit/agency-part";
    }

    @Override
    public int order() {
        return 17;
    }

    @Override
    public Optional<Map<String, Object>> values(Agency agency, Authentication auth) {
        if (!access.canSee(auth, agency.code())) {
            return Optional.empty();
        }
        LocalDate today = calendar.today();
        FiscalYear year = FiscalYear.containing(today);
        Optional<FrameworkDefinition> def = frameworks.active(year.buddhistEra());
        if (def.isEmpty() || def.get().oitItems().isEmpty()) {
            return Optional.empty();
        }
        long submitted = submissions.all(agency.code(), year).values().stream()
                .filter(e -> e.state() == OitSubmissions.State.SUBMITTED || e.state() == OitSubmissions.State.CHANGED).count();
        PhaseWindow window = calendar.window(year, Phase.OIT_SUBMISSION).orElse(null);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("code", agency.code().value());
        v.put("year", year.buddhistEra());
        v.put("submitted", Long.toString(submitted));
        v.put("total", Integer.toString(def.get().oitItems().size()));
        v.put("window", window);
        v.put("before", window != null && today.isBefore(window.startsOn()));
        v.put("after", window != null && today.isAfter(window.endsOn()));
        return Optional.of(v);
    }
}
