package org.openita.server.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openita.server.support.ServerTestSupport;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The home and sign-in pages describe what OpenITA does today (official results, analysis report, measures,
 * publication) and promise no survey, no survey link or QR code, and no OIT review in the system.
 */
class FrontPagesSayWhatExistsIT extends ServerTestSupport {


    private String page(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theHomePageSaysTheSurveysEitPartTwoAndTheOitAreDoneHere() throws Exception {
        String th = page("/?lang=th");
        assertThat(th).contains("นำเข้าผลของหน่วยงาน", "รายงานการวิเคราะห์ผล",
                "ตอบแบบสำรวจ IIT และ EIT ส่วนที่ 1 ในระบบนี้ได้", "ผู้ประเมินเก็บคำตอบ EIT ส่วนที่ 2", "หน่วยงานส่งลิงก์ข้อมูล OIT", "ผู้ประเมินตรวจทีละองค์ประกอบ");
        assertThat(th).doesNotContain("แบบสำรวจ การตรวจ OIT การคำนวณคะแนน");
        String en = page("/?lang=en");
        assertThat(en).contains("answer the IIT and EIT part 1 here", "assessors collect EIT part 2", "Agencies submit their OIT links", "assessors judge each component");
    }

    @Test
    void theSignInPageSendsNoOneToASurveyLink() throws Exception {
        String th = page("/login?lang=th");
        assertThat(th).contains("บัญชีผู้ใช้สร้างโดยผู้ดูแลระบบส่วนกลาง").doesNotContain("แบบสำรวจ", "คิวอาร์โค้ด");
        String en = page("/login?lang=en");
        assertThat(en).contains("Accounts are created by the central administrator").doesNotContain("survey", "QR code");
    }
}
