package org.openita.server.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.identity.Role;
import org.openita.server.identity.UserAccounts;
import org.openita.server.support.ServerTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Official results imported from the template, read back on the agency's results page and in its report. */
class OfficialResultsIT extends ServerTestSupport {

    static final String HEADER = "รหัสหน่วยงาน,ปีงบประมาณ,คะแนนรวม,ระดับผลการประเมิน,IIT,EIT,EIT ส่วนที่ 1,EIT ส่วนที่ 2,OIT,"
            + "ตัวชี้วัดที่ 1,ตัวชี้วัดที่ 2,ตัวชี้วัดที่ 3,ตัวชี้วัดที่ 4,ตัวชี้วัดที่ 5,ตัวชี้วัดที่ 6,ตัวชี้วัดที่ 7,ตัวชี้วัดที่ 8,ตัวชี้วัดที่ 9,ตัวชี้วัดที่ 10\n";

    @Autowired
    MockMvc mvc;
    @Autowired
    AgencyRegistry registry;
    @Autowired
    UserAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void agencies() throws Exception {
        if (registry.find("R-1").isEmpty()) {
            registry.importFile("test", "r.csv", new ByteArrayInputStream(("รหัสหน่วยงาน,ชื่อหน่วยงาน,ประเภทหน่วยงาน,อำเภอ,จังหวัด\n"
                    + "R-1,องค์การบริหารส่วนตำบลผลลัพธ์,อบต.,สมเด็จ,กาฬสินธุ์\nR-2,เทศบาลตำบลอื่น,เทศบาลตำบล,,\n").getBytes(StandardCharsets.UTF_8)),
                    AgencyRegistry.Mode.ALL_OR_NOTHING);
            accounts.createAssigned("test", "r2-admin", "r2", Role.AGENCY_ADMIN, "irrelevant-pass", "R-2", List.of());
        }
    }

    private String upload(String csv) throws Exception {
        return mvc.perform(multipart("/results/import").file(new MockMultipartFile("file", "results.csv", "text/csv",
                        csv.getBytes(StandardCharsets.UTF_8))).with(user("central").roles("CENTRAL_ADMIN")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void importReadAndReport() throws Exception {
        String page = upload(HEADER
                + "R-1,๒๕๖๘,๙๙.๑๗,ผ่านดี,,,,,,99.89,100,100,100,100,96.67,99.00,96.67,100,100\n"
                + "R-1,2567,94.60,,,,,,,,,,,,,,,,\n");
        assertThat(page).contains("บันทึกผลการประเมิน 2 รายการ");
        String results = mvc.perform(get("/agency/R-1/results/2568").with(user("central").roles("CENTRAL_ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(results).contains("99.17", "99.89", "การปฏิบัติหน้าที่", "ยังตัดสินไม่ได้");
        byte[] pdf = mvc.perform(get("/agency/R-1/results/2568/report.pdf").with(user("central").roles("CENTRAL_ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        mvc.perform(get("/agency/R-1/results/2568").with(user("r2-admin").roles("AGENCY_ADMIN"))).andExpect(status().isNotFound());
        mvc.perform(get("/agency/R-1/results/2568/report.pdf").with(user("r2-admin").roles("AGENCY_ADMIN"))).andExpect(status().isNotFound());
        mvc.perform(get("/agency/R-2/results/2568").with(user("r2-admin").roles("AGENCY_ADMIN"))).andExpect(status().isNotFound()); // none imported
    }

    @Test
    void badRowsAreNamedByRowAndColumnAndNothingIsSaved() throws Exception {
        long before = jdbc.sql("select count(*) from agency_result").query(Long.class).single();
        String page = upload(HEADER
                + "R-2,2568,90,,,,,,,,,,,,,,,,\n"
                + "NOPE,2568,90,,,,,,,,,,,,,,,,\n"
                + "R-2,2568,,,,,,,,120,,,,,,,,,\n"
                + "R-2,2565,,,,,88,,,,,,,,,,,,\n"
                + "R-2,2570,90,,,,,,,,,,,,,,,,\n");
        assertThat(page).contains("ไม่ได้นำเข้าข้อมูลใดเลย", "<td>3</td>", "ไม่พบหน่วยงานรหัส &quot;NOPE&quot;",
                "<td>4</td>", "<td>ตัวชี้วัดที่ 1</td>", "<td>5</td>", "<td>EIT ส่วนที่ 1</td>", "<td>6</td>", "<td>ปีงบประมาณ</td>");
        assertThat(jdbc.sql("select count(*) from agency_result").query(Long.class).single()).isEqualTo(before);
    }
}
