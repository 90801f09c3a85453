package org.openita.server.survey;

import java.util.List;
import org.openita.server.agency.AgencyCode;

/**
 * Gives contacts to an agency's EIT part 2 list of the running survey year, as its administrator would by the form (for
 * the demo data; people use the agency's contact page). The details are sealed and never shown back.
 */
public interface ContactListing {

    /**
     * One contact: a person's details and a kind of contact (SERVICE, CONTACTED, SUPPLIER, PARTNER or OTHER).
     * {@link #toString()} names no detail.
     */
    record Contact(String name, String organisation, String phone, String email, String kind) {
        @Override
        public String toString() {
            return "Contact[" + kind + "]";
        }
    }

    /**
     * Adds the contacts, checked as a file's rows are; all or none.
     *
     * @return how many were added; 0 when the year takes no list (closed, deleted, or no key) or a contact was refused
     */
    int give(String actor, AgencyCode agency, List<Contact> contacts);
}
