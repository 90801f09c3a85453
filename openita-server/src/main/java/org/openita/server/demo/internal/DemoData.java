package org.openita.server.demo.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.identity.Role;
import org.openita.server.identity.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With openita.demo.enabled=true (OPENITA_DEMO=true): the demo agency (Samdet SAO) and one account of each
 * role, all with the password "demo-password-2568". Never turn this on for real data.
 */
@Component
@ConditionalOnProperty(name = "openita.demo.enabled", havingValue = "true")
class DemoData implements InitializingBean {

    static final String PASSWORD = "demo-password-2568";
    static final String AGENCY = "DEMO-SAMDET";
    static final List<Object[]> USERS = List.of(
            new Object[] {"demo-central", "ผู้ดูแลส่วนกลาง (ตัวอย่าง)", Role.CENTRAL_ADMIN},
            new Object[] {"demo-assessor", "ผู้ตรวจประเมิน (ตัวอย่าง)", Role.ASSESSOR},
            new Object[] {"demo-agency-admin", "ผู้ดูแลระบบ อบต.สมเด็จ (ตัวอย่าง)", Role.AGENCY_ADMIN},
            new Object[] {"demo-agency-staff", "เจ้าหน้าที่ อบต.สมเด็จ (ตัวอย่าง)", Role.AGENCY_STAFF},
            new Object[] {"demo-viewer", "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด (ตัวอย่าง)", Role.VIEWER});

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final AgencyRegistry agencies;
    private final UserAccounts accounts;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    private final org.openita.server.results.ResultImports results;
    private final org.openita.server.survey.ContactListing contacts;

    DemoData(AgencyRegistry agencies, UserAccounts accounts, JdbcClient jdbc, TransactionTemplate tx,
             org.openita.server.results.ResultImports results, org.openita.server.survey.ContactListing contacts) {
        this.contacts = contacts;
        this.results = results;
        this.agencies = agencies;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void afterPropertiesSet() {
        tx.executeWithoutResult(s -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('openita:demo-data'))").query().singleRow();
            if (accounts.find("demo-central").isPresent()) {
                return;
            }
            String csv = "รหัสหน่วยงาน,ชื่อหน่วยงาน,ประเภทหน่วยงาน,ขนาด,จังหวัด,อำเภอ,จำนวนบุคลากร,หน่วยงานภายใน\n" + AGENCY
                    + ",องค์การบริหารส่วนตำบลสมเด็จ,อบต.,L,กาฬสินธุ์,สมเด็จ,45,สำนักปลัด; กองคลัง; กองช่าง; กองการศึกษา ศาสนาและวัฒนธรรม; กองสวัสดิการสังคม\n";
            try {
                agencies.importFile("demo", "demo.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                        AgencyRegistry.Mode.ALL_OR_NOTHING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // its published 2567 and 2568 results, so that the agency workspace has something to show
            for (String example : List.of("/examples/samdet-2567.json", "/examples/samdet-2568.json")) {
                try (var in = DemoData.class.getResourceAsStream(example)) {
                    var json = (tools.jackson.databind.node.ObjectNode) tools.jackson.databind.json.JsonMapper.builder().build().readTree(in);
                    json.put("agencyCode", AGENCY); // matched by code: a real agency may have the same name
                    var report = results.importHere("demo", org.openita.server.results.ResultFile.Format.JSON,
                            new ByteArrayInputStream(json.toString().getBytes(StandardCharsets.UTF_8)), org.openita.server.agency.AgencyCode.of(AGENCY)::equals);
                    if (!report.ok()) {
                        throw new IllegalStateException("demo results " + example + " do not import: " + report.problems());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            for (Object[] u : USERS) {
                Role role = (Role) u[2];
                boolean agencyRole = role == Role.AGENCY_ADMIN || role == Role.AGENCY_STAFF;
                accounts.createAssigned("demo", (String) u[0], (String) u[1], role, PASSWORD, agencyRole ? AGENCY : null,
                        role == Role.ASSESSOR || role == Role.VIEWER ? List.of(AGENCY) : List.of());
                accounts.changePassword((String) u[0], PASSWORD); // demo accounts need no password change
            }
            demoContacts();
            assessorAgencies();
            log.warn("Demo mode: demo accounts demo-central, demo-assessor, demo-agency-admin, demo-agency-staff, demo-viewer"
                    + " with password {} / โหมดสาธิต: บัญชีตัวอย่างทุกบทบาท", PASSWORD);
        });
    }

    /**
     * A few made-up people on the demo agency's EIT part 2 contact list of the running survey year, for demo-assessor's
     * list (/field). Names, numbers and addresses are made up (example.com addresses).
     */
    private void demoContacts() {
        List<org.openita.server.survey.ContactListing.Contact> people = List.of(
                new org.openita.server.survey.ContactListing.Contact("นายสมชาย ใจดี (ตัวอย่าง)", "ชาวบ้านหมู่ 3", "081-555-0101", "", "SERVICE"),
                new org.openita.server.survey.ContactListing.Contact("นางสาวมาลี ศรีสุข (ตัวอย่าง)", "ร้านวัสดุก่อสร้างสมเด็จ", "043-555-012", "malee@example.com", "SUPPLIER"),
                new org.openita.server.survey.ContactListing.Contact("นายประเสริฐ บุญมา (ตัวอย่าง)", "โรงเรียนบ้านสมเด็จ", "", "prasert@example.com", "PARTNER"),
                new org.openita.server.survey.ContactListing.Contact("นางบัวผัน คำดี (ตัวอย่าง)", "", "089-555-0144", "", "CONTACTED"));
        int given = contacts.give("demo", org.openita.server.agency.AgencyCode.of(AGENCY), people);
        log.info("Demo mode: {} made-up contacts on the demo agency's EIT part 2 list", given);
    }

    /** A second demo agency, in the same district, for the demo assessor to review beside the first (issue 13: two agencies). */
    static final String SECOND_AGENCY = "DEMO-MAHACHAI";

    /**
     * The demo assessor reviews two agencies in the field: the demo agency and a second one, so that the assessors page
     * and the assessor's own list show more than one. Given through the same rows the central administrator's
     * assessors page writes (user_agency_access), audited as every assignment.
     */
    private void assessorAgencies() {
        String csv = "รหัสหน่วยงาน,ชื่อหน่วยงาน,ประเภทหน่วยงาน,ขนาด,จังหวัด,อำเภอ,จำนวนบุคลากร\n" + SECOND_AGENCY
                + ",องค์การบริหารส่วนตำบลมหาไชย,อบต.,M,กาฬสินธุ์,สมเด็จ,28\n";
        try {
            var report = agencies.importFile("demo", "demo-second.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                    AgencyRegistry.Mode.ALL_OR_NOTHING);
            if (!report.applied()) {
                throw new IllegalStateException("the second demo agency does not import: " + report.problems());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        accounts.assign("demo", "demo-assessor", null, List.of(AGENCY, SECOND_AGENCY));
    }
}
