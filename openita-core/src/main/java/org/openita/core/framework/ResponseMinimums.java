package org.openita.core.framework;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How many survey responses an agency needs, by the definition's rules: the IIT minimum by the number of eligible
 * staff, and the EIT part-1 and part-2 minimums by agency group. Any rule may be absent (a definition without the
 * section, or without that rule): then there is no minimum for it. See ADR 0022 and ADR 0035.
 */
public record ResponseMinimums(IitRule iitRule, GroupRule eitPublicRule, GroupRule eitSurveyRule) {

    /** No rules: a definition without a {@code responseMinimums} section. */
    public static final ResponseMinimums NONE = new ResponseMinimums(null, null, null);

    /** The IIT and EIT part-1 rules only (a definition without EIT part 2). */
    public ResponseMinimums(IitRule iitRule, GroupRule eitPublicRule) {
        this(iitRule, eitPublicRule, null);
    }

    /** The agency type codes a row may name: those of the server's agency registry. */
    public static final List<String> AGENCY_TYPES = List.of("MINISTRY", "DEPARTMENT", "PROVINCE", "PAO",
            "CITY_MUNICIPALITY", "TOWN_MUNICIPALITY", "SUBDISTRICT_MUNICIPALITY", "SAO", "STATE_ENTERPRISE",
            "PUBLIC_ORGANIZATION", "UNIVERSITY", "OTHER");

    /** The size groups of local governments. */
    public static final List<String> SIZES = List.of("S", "M", "L");

    public Optional<IitRule> iit() {
        return Optional.ofNullable(iitRule);
    }

    public Optional<GroupRule> eitPublic() {
        return Optional.ofNullable(eitPublicRule);
    }

    /** The EIT part-2 rule: how many stakeholders the assessors must reach for an agency (ADR 0035). */
    public Optional<GroupRule> eitSurvey() {
        return Optional.ofNullable(eitSurveyRule);
    }

    /** The IIT minimum for an agency with this many eligible staff; empty when the definition has no IIT rule. */
    public OptionalInt iit(int eligibleStaff) {
        return iitRule == null ? OptionalInt.empty() : OptionalInt.of(iitRule.minimum(eligibleStaff));
    }

    /**
     * The EIT part-1 minimum for an agency of this type (a code of {@link #AGENCY_TYPES}) and size (S, M, L or null);
     * empty when the definition has no EIT part-1 rule.
     */
    public OptionalInt eitPublic(String agencyTypeCode, String sizeOrNull) {
        return eitPublicRule == null ? OptionalInt.empty() : OptionalInt.of(eitPublicRule.minimum(agencyTypeCode, sizeOrNull));
    }

    /** The EIT part-2 minimum for an agency of this type and size; empty when the definition has no EIT part-2 rule. */
    public OptionalInt eitSurvey(String agencyTypeCode, String sizeOrNull) {
        return eitSurveyRule == null ? OptionalInt.empty() : OptionalInt.of(eitSurveyRule.minimum(agencyTypeCode, sizeOrNull));
    }

    /** The IIT table: rows by ascending headcount, the last one open. */
    public record IitRule(List<HeadcountRow> rows, Provenance provenance) {

        public IitRule {
            rows = List.copyOf(rows);
            Objects.requireNonNull(provenance, "provenance");
        }

        /** Whether the rule rests on evidence weaker than a secondary source (confidence R, I or U). */
        public boolean provisional() {
            return provenance.isProvisional();
        }

        /** The minimum for a headcount: the first row whose {@code upTo} holds it; never above the headcount. */
        public int minimum(int eligibleStaff) {
            if (eligibleStaff < 0) {
                throw new IllegalArgumentException("the number of eligible staff cannot be negative: " + eligibleStaff);
            }
            for (HeadcountRow r : rows) {
                if (r.upTo() == null || eligibleStaff <= r.upTo()) {
                    return r.minimumFor(eligibleStaff);
                }
            }
            return eligibleStaff; // a checked table always ends with an open row
        }

        /** The table on one line: "<= 10: all; <= 50: 10; > 300: 10%". */
        public String describe() {
            List<String> out = new java.util.ArrayList<>();
            Integer previous = null;
            for (HeadcountRow r : rows) {
                out.add(r.describe(previous));
                previous = r.upTo() != null ? r.upTo() : previous;
            }
            return String.join("; ", out);
        }
    }

    /**
     * One row of the IIT table: headcounts up to {@code upTo} (null for the last, open row) need everyone
     * ({@code all}), a number of responses ({@code minimum}) or a share of the staff ({@code percent}, rounded up).
     */
    public record HeadcountRow(Integer upTo, boolean all, Integer minimum, Integer percent) {

        public static HeadcountRow everyone(Integer upTo) {
            return new HeadcountRow(upTo, true, null, null);
        }

        public static HeadcountRow atLeast(Integer upTo, int minimum) {
            return new HeadcountRow(upTo, false, minimum, null);
        }

        public static HeadcountRow share(Integer upTo, int percent) {
            return new HeadcountRow(upTo, false, null, percent);
        }

        int minimumFor(int staff) {
            int m;
            if (all) {
                m = staff;
            } else if (minimum != null) {
                m = minimum;
            } else {
                m = (int) ((staff * (long) percent + 99) / 100);
            }
            return Math.min(m, staff);
        }

        /** The row on its own, given the previous row's {@code upTo}: "<= 50: 10", "> 300: 10%". */
        public String describe(Integer previousUpTo) {
            String range = upTo != null ? "<= " + upTo : "> " + (previousUpTo == null ? 0 : previousUpTo);
            String what = all ? "all" : minimum != null ? Integer.toString(minimum) : percent + "%";
            return range + ": " + what;
        }
    }

    /**
     * A table by agency group (EIT part 1 or part 2): rows by agency type and optional size, and the minimum for every
     * other agency.
     */
    public record GroupRule(List<GroupRow> rows, int defaultMinimum, Provenance provenance) {

        public GroupRule {
            rows = List.copyOf(rows);
            Objects.requireNonNull(provenance, "provenance");
        }

        /** Whether the rule as a whole (its default) rests on evidence weaker than a secondary source. */
        public boolean provisional() {
            return provenance.isProvisional();
        }

        /** The row that applies: the type with this size, else the type without a size; empty means the default. */
        public Optional<GroupRow> row(String agencyTypeCode, String sizeOrNull) {
            Optional<GroupRow> sized = sizeOrNull == null ? Optional.empty() : rows.stream()
                    .filter(r -> r.agencyType().equals(agencyTypeCode) && sizeOrNull.equals(r.size())).findFirst();
            return sized.or(() -> rows.stream().filter(r -> r.agencyType().equals(agencyTypeCode) && r.size() == null).findFirst());
        }

        public int minimum(String agencyTypeCode, String sizeOrNull) {
            return row(agencyTypeCode, sizeOrNull).map(GroupRow::minimum).orElse(defaultMinimum);
        }

        /** The provenance of the figure that applies to an agency: its row's, or the rule's for the default. */
        public Provenance provenance(String agencyTypeCode, String sizeOrNull) {
            return row(agencyTypeCode, sizeOrNull).map(GroupRow::provenance).orElse(provenance);
        }
    }

    /** One agency group of an EIT table; {@code size} is S, M, L or null for every size. */
    public record GroupRow(String agencyType, String size, int minimum, Provenance provenance) {

        public GroupRow {
            Objects.requireNonNull(agencyType, "agencyType");
            Objects.requireNonNull(provenance, "provenance");
        }

        public boolean provisional() {
            return provenance.isProvisional();
        }

        /** "SAO/L" or "UNIVERSITY". */
        public String group() {
            return size == null ? agencyType : agencyType + "/" + size;
        }
    }
}
