package org.openita.server.oit.internal.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.Agency;
import org.openita.server.identity.Role;
import org.openita.server.support.ServerTestSupport;
import org.openita.server.testing.Fixtures;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** What the OIT review tests share: a year of their own with its phase days, rows written straight to the OIT tables, and requests. */
abstract class OitTestSupport extends org.openita.server.support.ServerTestSupport {

    /** A year of this test with the 2569 definition and the default calendar, and the days of its OIT phases. */
    protected record Year(FiscalYear year, LocalDate submission, LocalDate review, LocalDate clarification, LocalDate confirmation) {
        int be() {
            return year.buddhistEra();
        }
    }

    protected Year year() {
        var calendar = fixtures.cycleCalendar();
        calendar.create();
        FiscalYear y = calendar.year();
        fixtures.activeFramework(y, 2569);
        int ce = y.buddhistEra() - FiscalYear.BE_OFFSET;
        return new Year(y, LocalDate.of(ce, 3, 10), LocalDate.of(ce, 5, 10), LocalDate.of(ce, 6, 5), LocalDate.of(ce, 6, 20));
    }

    OitRows rows() {
        return new OitRows(jdbc);
    }

    MockHttpServletResponse send(MockHttpServletRequestBuilder request, RequestPostProcessor who) throws Exception {
        return mvc.perform(request.with(who).with(csrf())).andReturn().getResponse();
    }

    MockHttpServletRequestBuilder verdict(Agency a, Year y, String item, String version, String... passComment) {
        MockHttpServletRequestBuilder r = post("/oit/review/" + a.code().value() + "/" + y.be() + "/" + item).param("version", version);
        for (int i = 0; i < passComment.length; i += 2) {
            r.param("pass." + (i / 2 + 1), passComment[i]).param("comment." + (i / 2 + 1), passComment[i + 1]);
        }
        return r;
    }

    String body(MockHttpServletResponse r) throws Exception {
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

}
