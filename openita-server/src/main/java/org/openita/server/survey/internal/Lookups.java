package org.openita.server.survey.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.Optional;
import org.openita.core.survey.Questionnaire;
import org.openita.server.agency.Agency;
import org.openita.server.agency.AgencyCode;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.framework.FrameworkCatalog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an answer page needs from the database, kept a few seconds, so that a busy survey reads each agency and
 * questionnaire once in a while rather than once per answer, and a submission is checked whole before any database
 * connection is taken. A renamed agency or a newly activated definition shows within {@link #FRESH}.
 */
@Component
class Lookups {

    static final Duration FRESH = Duration.ofSeconds(30);

    record SurveyOf(int year, SurveyPart part) {
    }

    record AgencyYear(AgencyCode agency, int year) {
    }

    private final LoadingCache<AgencyCode, Optional<Agency>> agencies;
    private final LoadingCache<SurveyOf, Optional<Questionnaire>> questionnaires;
    private final LoadingCache<AgencyYear, Boolean> slipsIssued;

    Lookups(AgencyRegistry registry, FrameworkCatalog frameworks, JdbcClient jdbc) {
        // each refreshed in the background once older than its freshness, the old value served meanwhile
        this.agencies = Caffeine.newBuilder().refreshAfterWrite(FRESH).expireAfterWrite(Duration.ofHours(1)).maximumSize(20_000)
                .build(registry::find);
        this.questionnaires = Caffeine.newBuilder().refreshAfterWrite(FRESH).expireAfterWrite(Duration.ofHours(1)).maximumSize(16)
                .build(s -> frameworks.active(s.year()).map(def -> Questionnaire.of(def, s.part().tool(), s.part().code())));
        this.slipsIssued = Caffeine.newBuilder().refreshAfterWrite(Duration.ofSeconds(5)).expireAfterWrite(Duration.ofHours(1))
                .maximumSize(20_000)
                .build(k -> jdbc.sql("select exists (select 1 from survey_slip_issue where agency_code = ? and fiscal_year = ? and issued > 0)")
                        .params(k.agency().value(), k.year()).query(Boolean.class).single());
    }

    /** The agency of an answer page's link, also when its code was typed in lower case from a poster. */
    Optional<Agency> agencyOfLink(String code) {
        return AgencyCode.parse(code).flatMap(this::agency)
                .or(() -> AgencyCode.parse(code.toUpperCase(java.util.Locale.ROOT)).flatMap(this::agency));
    }

    Optional<Agency> agency(AgencyCode code) {
        return agencies.get(code);
    }

    Optional<Questionnaire> questionnaire(int year, SurveyPart part) {
        return questionnaires.get(new SurveyOf(year, part));
    }

    /** Whether the agency printed slips for the year: then its IIT takes answers only with a slip. */
    boolean slipsIssued(AgencyCode agency, int year) {
        return slipsIssued.get(new AgencyYear(agency, year));
    }

    void forgetSlips(AgencyCode agency, int year) {
        slipsIssued.invalidate(new AgencyYear(agency, year));
    }
}
