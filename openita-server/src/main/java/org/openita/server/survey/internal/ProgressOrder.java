package org.openita.server.survey.internal;

import java.text.CollationKey;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The orders of the central progress list. The default puts every agency below a minimum in either part first, the
 * one furthest from a minimum (as a share of that minimum, so an IIT of hundreds and an EIT of tens weigh alike)
 * first; each part can also be sorted by its own shortfall or count. Ties go by name (Thai collation), then code,
 * so that pages never overlap.
 */
enum ProgressOrder {
    SHORTFALL("shortfall"), IIT_SHORT("iit-short"), EIT_SHORT("eit-short"), SURVEY_SHORT("survey-short"), NAME("name"), IIT("iit"),
    EIT("eit"), SURVEY("survey");

    /** How the order is named in links and messages. */
    final String param;

    ProgressOrder(String param) {
        this.param = param;
    }

    static ProgressOrder of(String s) {
        for (ProgressOrder x : values()) {
            if (x.param.equalsIgnoreCase(s)) {
                return x;
            }
        }
        return SHORTFALL;
    }

    /** The rows in this order; the collation keys of the names are made once per call. */
    List<AgencyProgress> sort(List<AgencyProgress> all) {
        Collator thai = Collator.getInstance(Locale.forLanguageTag("th-TH"));
        record Keyed(CollationKey name, AgencyProgress row) {
        }
        Comparator<Keyed> byName = Comparator.comparing(Keyed::name).thenComparing(k -> k.row().code().value());
        Comparator<Keyed> order = switch (this) {
            case NAME -> byName;
            case IIT -> Comparator.comparingInt((Keyed k) -> k.row().iit()).thenComparing(byName);
            case EIT -> Comparator.comparingInt((Keyed k) -> k.row().eitPublic()).thenComparing(byName);
            case SURVEY -> Comparator.comparingInt((Keyed k) -> k.row().eitSurvey()).thenComparing(byName);
            case IIT_SHORT -> Comparator.comparingInt((Keyed k) -> -k.row().iitShortfall())
                    .thenComparingInt(k -> -k.row().eitShortfall()).thenComparing(byName);
            case EIT_SHORT -> Comparator.comparingInt((Keyed k) -> -k.row().eitShortfall())
                    .thenComparingInt(k -> -k.row().iitShortfall()).thenComparing(byName);
            case SURVEY_SHORT -> Comparator.comparingInt((Keyed k) -> -k.row().surveyShortfall())
                    .thenComparingInt(k -> -k.row().eitShortfall()).thenComparing(byName);
            case SHORTFALL -> Comparator.comparing((Keyed k) -> !k.row().below())
                    .thenComparing(Comparator.comparingDouble((Keyed k) -> k.row().worstGap()).reversed())
                    .thenComparingInt(k -> -(k.row().iitShortfall() + k.row().eitShortfall() + k.row().surveyShortfall())).thenComparing(byName);
        };
        return all.stream().map(r -> new Keyed(thai.getCollationKey(r.name()), r)).sorted(order).map(Keyed::row).toList();
    }
}
