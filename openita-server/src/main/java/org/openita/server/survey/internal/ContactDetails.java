package org.openita.server.survey.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person an agency names for its assessors to contact: what is sealed in a field_contact row, never stored or logged
 * in the clear. {@link #toString()} names no detail, so a log line or an exception message that prints one leaks nothing.
 *
 * @param name the person's name
 * @param organisation where the person works or which group they belong to; may be empty
 * @param phone as the agency wrote it (a Thai mobile or landline); may be empty when there is an e-mail
 * @param email may be empty when there is a phone
 */
public record ContactDetails(String name, String organisation, String phone, String email) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public ContactDetails {
        name = name == null ? "" : name;
        organisation = organisation == null ? "" : organisation;
        phone = phone == null ? "" : phone;
        email = email == null ? "" : email;
    }

    /** The one JSON value that is sealed. */
    byte[] json() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("organisation", organisation);
        m.put("phone", phone);
        m.put("email", email);
        return JSON.writeValueAsBytes(m);
    }

    @SuppressWarnings("unchecked")
    static ContactDetails fromJson(byte[] json) {
        Map<String, Object> m = JSON.readValue(json, Map.class);
        return new ContactDetails(text(m, "name"), text(m, "organisation"), text(m, "phone"), text(m, "email"));
    }

    private static String text(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? "" : v.toString();
    }

    /** The phone as a tel: address (digits and a leading +), or empty when there is none. */
    public String telLink() {
        String digits = org.openita.core.thai.ThaiFormat.toArabicDigits(phone).replaceAll("[^0-9+]", "");
        return digits.isEmpty() ? "" : "tel:" + digits;
    }

    /** Two entries name the same person when their name and phone or e-mail match, spaces and case aside. */
    String sameness() {
        String n = name.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
        String p = org.openita.core.thai.ThaiFormat.toArabicDigits(phone).replaceAll("[^0-9]", "");
        return n + "|" + p + "|" + email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return "ContactDetails[sealed]";
    }
}
