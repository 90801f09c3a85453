package org.openita.server.survey.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyCode;
import org.openita.server.cycle.CycleService;
import org.openita.server.survey.ContactListing;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** {@link ContactListing} through the same checks and sealing as the agency's contact page. */
@Component
class ContactListingService implements ContactListing {

    private final ContactLists lists;
    private final SurveyWindows windows;
    private final CycleService cycles;
    private final MessageSource messages;

    ContactListingService(ContactLists lists, SurveyWindows windows, CycleService cycles, MessageSource messages) {
        this.lists = lists;
        this.windows = windows;
        this.cycles = cycles;
        this.messages = messages;
    }

    /** The year the assessor's list shows by default: the year of today's (or the nearest) survey phase. */
    static FiscalYear runningYear(SurveyWindows windows, CycleService cycles) {
        return windows.today().map(SurveyWindow::year).orElse(FiscalYear.containing(cycles.today()));
    }

    @Override
    public int give(String actor, AgencyCode agency, List<Contact> contacts) {
        FiscalYear year = runningYear(windows, cycles);
        List<ContactCheck.Entry> entries = new ArrayList<>();
        for (Contact c : contacts) {
            entries.add(new ContactCheck.Entry(entries.size() + 2, c.name(), c.organisation(), c.phone(), c.email(), c.kind()));
        }
        ContactCheck check = new ContactCheck((k, l) -> messages.getMessage(k.messageKey(), null, l == null ? Locale.ROOT : l),
                lists.existing(agency, year));
        ContactLists.Added outcome = lists.add(agency, year, entries, check, actor);
        if (outcome instanceof ContactLists.Added.Stored s) {
            return s.added();
        }
        // the kind of refusal only: a problem's text could quote what was given
        org.slf4j.LoggerFactory.getLogger(ContactListingService.class).info("contacts for {} of {} not added: {}", agency, year.buddhistEra(),
                outcome.getClass().getSimpleName());
        return 0;
    }
}
