package org.openita.server.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openita.core.framework.FiscalYear;
import org.openita.server.identity.ApiTokens;
import org.openita.server.identity.SignInHandlers;
import org.openita.server.identity.SignInThrottle;
import org.openita.server.web.FormDates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The cycle calendar's pages as a web slice: the real controller, the real security rules (the security module's
 * filter chains with every page rule the cycle and web modules contribute), the real Thymeleaf templates and
 * messages, and the real date reading and calendar rules; only the stored calendar is a stand-in (no database).
 * The classes are found by name, so this slice keeps working when a module moves them into its internal package.
 */
@WebMvcTest(properties = "openita.temp-directory=${java.io.tmpdir}/openita-web-slice", useDefaultFilters = false, includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = {
        "org\\.openita\\.server\\.cycle\\.(.*\\.)?Cycle(Controller|PageAccess|BannerAdvice)",
        "org\\.openita\\.server\\.security\\.(.*\\.)?SecurityConfiguration",
        "org\\.openita\\.server\\.web\\.(.*\\.)?(WebPageAccess|WebConfiguration|TempFolder|CurrentUserAdvice|ErrorPages|RefusedCharacters)"}))
@Import({FormDates.class, CyclePageWebMvcTest.SignInParts.class})
class CyclePageWebMvcTest {

    static final int YEAR = 2569;
    static final FiscalYear FY = FiscalYear.of(YEAR);

    @Autowired
    MockMvc mvc;
    @MockitoBean
    CycleService cycles;
    @MockitoBean
    ApiTokens tokens;
    @MockitoBean
    SignInHandlers handlers;

    /** Sign-in throttling is the identity module's and has its own tests: here a filter that lets every request through. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SignInParts {
        @Bean
        SignInThrottle signInThrottle() {
            SignInThrottle throttle = mock(SignInThrottle.class);
            when(throttle.filter()).thenReturn(new OncePerRequestFilter() {
                @Override
                protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                        throws jakarta.servlet.ServletException, java.io.IOException {
                    chain.doFilter(request, response);
                }
            });
            return throttle;
        }
    }

    @BeforeEach
    void aStoredCalendarWithTheRealRules() {
        when(cycles.today()).thenReturn(LocalDate.of(2025, 11, 15));
        when(cycles.windows(anyInt())).thenReturn(Optional.empty());
        when(cycles.windows(YEAR)).thenReturn(Optional.of(CycleCalendar.defaults(FY)));
        when(cycles.save(anyString(), any(FiscalYear.class), anyList()))
                .thenAnswer(call -> CycleCalendar.problems(call.getArgument(1), call.getArgument(2)));
    }

    private static MockHttpServletRequestBuilder central(MockHttpServletRequestBuilder request) {
        return request.with(user("central").roles("CENTRAL_ADMIN"));
    }

    /** The default calendar typed as a Thai page shows it (day/month/Buddhist year), with one field changed. */
    private MockHttpServletRequestBuilder saveWith(String field, String typed) {
        MockHttpServletRequestBuilder save = central(post("/cycles/" + YEAR)).with(csrf());
        for (PhaseWindow w : CycleCalendar.defaults(FY)) {
            String start = w.phase() + ".start";
            String end = w.phase() + ".end";
            save.param(start, start.equals(field) ? typed : thai(w.startsOn())).param(end, end.equals(field) ? typed : thai(w.endsOn()));
        }
        return save;
    }

    /** As a Thai page shows a date: dd/mm/Buddhist year. */
    private static String thai(LocalDate d) {
        return String.format(java.util.Locale.ROOT, "%02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear() + FiscalYear.BE_OFFSET);
    }

    private String body(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theCentralAdministratorSeesTheCalendarInTheBuddhistEra() throws Exception {
        String page = body(central(get("/cycles/" + YEAR)));
        PhaseWindow first = CycleCalendar.defaults(FY).get(0);
        assertThat(page).contains("<html lang=\"th\"", "2569", "value=\"" + thai(first.startsOn()) + "\"");
        mvc.perform(central(get("/cycles/2570"))).andExpect(status().isNotFound());
    }

    @Test
    void everyOtherRoleIsRefusedAndAVisitorIsSentToSignIn() throws Exception {
        for (String role : List.of("AGENCY_ADMIN", "AGENCY_STAFF", "ASSESSOR", "VIEWER")) {
            mvc.perform(get("/cycles/" + YEAR).with(user("someone").roles(role))).andExpect(status().isForbidden());
            mvc.perform(saveWith("REGISTRATION.start", "1/10/2568").with(user("someone").roles(role)))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/cycles/" + YEAR)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        verify(cycles, never()).save(anyString(), any(), anyList());
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() throws Exception {
        MockHttpServletRequestBuilder save = central(post("/cycles/" + YEAR));
        for (PhaseWindow w : CycleCalendar.defaults(FY)) {
            save.param(w.phase() + ".start", thai(w.startsOn())).param(w.phase() + ".end", thai(w.endsOn()));
        }
        mvc.perform(save).andExpect(status().isForbidden());
        mvc.perform(central(post("/cycles")).param("year", "2571")).andExpect(status().isForbidden());
        verify(cycles, never()).save(anyString(), any(), anyList());
    }

    @Test
    void aValidCalendarIsSavedAsTyped() throws Exception {
        mvc.perform(saveWith("REGISTRATION.start", thai(CycleCalendar.defaults(FY).get(0).startsOn())))
                .andExpect(redirectedUrl("/cycles/" + YEAR + "?saved"));
        verify(cycles).save("central", FY, CycleCalendar.defaults(FY));
    }

    @Test
    void aDayThatIsNotInTheCalendarIsExplainedInThaiBesideTheDateAsTyped() throws Exception {
        PhaseWindow first = CycleCalendar.defaults(FY).get(0);
        String field = first.phase() + ".end";
        String page = body(saveWith(field, "31/04/2569"));
        assertThat(page).contains("ไม่มีวันที่ &quot;31/04/2569&quot; ในปฏิทิน กรุณาตรวจวันและเดือน", "value=\"31/04/2569\"");
        verify(cycles, never()).save(anyString(), any(), anyList());
    }

    @Test
    void aCommonEraYearOnAThaiPageAndTheSameMistakeInEnglish() throws Exception {
        String field = CycleCalendar.defaults(FY).get(0).phase() + ".start";
        assertThat(body(saveWith(field, "1/10/2025"))).contains("ช่องนี้ใช้ปี พ.ศ. (ค.ศ. 2025 คือ พ.ศ. 2568)");
        String english = body(saveWith(field, "1/10/2568").cookie(new Cookie("openita-lang", "en")));
        assertThat(english).contains("<html lang=\"en\"").contains("2568");
        verify(cycles, never()).save(anyString(), any(), anyList());
    }

    @Test
    void aCalendarThatBreaksARuleIsExplainedAboveTheTable() throws Exception {
        PhaseWindow oit = CycleCalendar.defaults(FY).stream().filter(w -> w.phase() == Phase.OIT_REVIEW).findFirst().orElseThrow();
        String page = body(saveWith("OIT_REVIEW.end", thai(oit.startsOn().minusDays(3))));
        assertThat(page).contains("ขั้นตอน &quot;ตรวจประเมิน OIT&quot; วันสิ้นสุดอยู่ก่อนวันเริ่ม");
    }
}
