package org.openita.server.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.Agency;
import org.openita.server.cycle.Phase;
import org.openita.server.identity.Role;
import org.openita.server.support.Browser;
import org.openita.server.support.NetworkSwitch;
import org.openita.server.support.ServerTestSupport;
import org.openita.server.testing.Fixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 13's "done means", the assessor's part, in a phone-sized Chromium whose profile folder outlives it: the assessor
 * opens the field page online, the network goes off (for the page through Chromium's network emulation, and for
 * everything, the service worker included, through a relay the test switches: {@link NetworkSwitch}), the page opens
 * again from the service worker, three answers are recorded, the browser is closed and opened again on the same profile
 * (still offline: the three are waiting), the network comes back and all three are sent and stored once, with mode and
 * assessor. A resend and a conflicting resend through the API answer 200 and 409; after the close an answer is shown
 * refused with the server's reason. axe-core finds nothing on the page.
 */
class FieldAppBrowserIT extends ServerTestSupport {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    SurveyClosing closing;
    @Autowired
    org.openita.server.results.OfficialResults results;

    FiscalYear year;
    Agency first;
    Agency second;
    Fixtures.Person assessor;

    @BeforeEach
    void anAssessorOfTwoAgencies() {
        var calendar = fixtures.cycleCalendar().phasesOnTheDay(Phase.SURVEY_COLLECTION);
        calendar.create();
        year = calendar.year();
        clock.setToday(calendar.day());
        fixtures.activeFramework(year, 2569);
        first = fixtures.agency().named("เทศบาลตำบลทดลองเก็บข้อมูลออฟไลน์").create();
        second = fixtures.agency().named("องค์การบริหารส่วนตำบลทดลองเก็บข้อมูลออฟไลน์").create();
        assessor = fixtures.person(Role.ASSESSOR).named("ผู้ประเมินภาคสนาม").seeing(first.code(), second.code()).create();
    }

    long stored() {
        return jdbc.sql("select count(*) from field_response where assessor = ? and fiscal_year = ?")
                .params(assessor.username(), year.buddhistEra()).query(Long.class).single();
    }

    @Test
    void threeAnswersRecordedOfflineSurviveARestartAndAreSentOnceWhenTheNetworkReturns() throws Exception {
        Path profile = freshDirectory("openita-field-profile-");
        int serverPort = URI.create(publicBaseUrl()).getPort();
        try (NetworkSwitch net = NetworkSwitch.to(serverPort)) {
            String base = "http://localhost:" + net.port();
            try (Browser b = Browser.withProfile(390, 844, profile)) {
                ChromeDriver d = b.driver();
                b.signIn(base, assessor.username(), assessor.password());
                d.get(base + "/field/app");
                ready(d);
                waitFor(d, "the service worker controls the page and keeps it",
                        "return !!navigator.serviceWorker.controller");
                new WebDriverWait(d, WAIT).until(x -> Boolean.TRUE.equals(async(d,
                        "caches.match('/field/app').then(r => done(!!r), () => done(false))")));
                assertThat(new Select(d.findElement(By.id("agency"))).getOptions()).extracting(WebElement::getText)
                        .contains(first.code().value() + " " + first.nameTh(), second.code().value() + " " + second.nameTh()).hasSize(3);
                assertThat(d.findElement(By.id("year")).getText()).contains(Integer.toString(year.buddhistEra()));
                assertThat(jdbc.sql("select count(*) from api_token where username = ? and label like 'อุปกรณ์เก็บข้อมูล EIT ส่วนที่ 2 %'")
                        .param(assessor.username()).query(Long.class).single()).as("the device's own token").isEqualTo(1);
                b.screenshot("field-1-online");
                SurveyBrowserIT.assertNoViolations(d, "field page online");

                // Chromium's network emulation on the page alone: does the service worker still reach the server?
                long bytesBefore = net.bytesToServer();
                offline(d, true);
                reload(d);
                long workerSent = net.bytesToServer() - bytesBefore;
                System.out.println("[field] page emulated offline, relay on: a reload still sent " + workerSent
                        + " bytes to the server (the service worker's own fetches)");

                // offline for everything: the page through emulation, the service worker and all else through the relay
                net.off();
                long storedBefore = stored();
                long sentOff = net.bytesToServer();
                reload(d);
                assertThat(d.findElement(By.id("net")).getAttribute("data-online")).isEqualTo("false");
                assertThat(new Select(d.findElement(By.id("agency"))).getOptions()).hasSize(3);
                b.screenshot("field-2-offline-reopened");

                d.findElement(By.id("save")).click();
                assertThat(d.findElement(By.id("err-agency")).isDisplayed()).isTrue();
                assertThat(d.findElement(By.id("err-answers")).isDisplayed()).isTrue();
                assertThat(d.findElements(By.cssSelector("#records li.record"))).isEmpty();
                b.screenshot("field-2b-incomplete");
                SurveyBrowserIT.assertNoViolations(d, "field page with problems");

                // three people the first agency dealt with: enough for its part-2 score
                record(d, first, "IN_PERSON", 0, 1);
                record(d, first, "TELEPHONE", 2, 2);
                record(d, first, "VIDEO", 4, 3);
                showList(d);
                b.screenshot("field-3-three-waiting");
                assertThat(d.findElements(By.cssSelector("#records li[data-status=waiting]"))).hasSize(3);
                assertThat(stored()).isEqualTo(storedBefore);
                assertThat(net.bytesToServer()).as("nothing reached the server while offline").isEqualTo(sentOff);
            }
            assertThat(stored()).isZero();

            // the phone restarts: a new browser on the same profile, still offline
            try (Browser b = Browser.withProfile(390, 844, profile)) {
                ChromeDriver d = b.driver();
                offline(d, true);
                long sentOff = net.bytesToServer();
                d.get(base + "/field/app");
                ready(d);
                assertThat(d.findElements(By.cssSelector("#records li[data-status=waiting]"))).hasSize(3);
                assertThat(d.findElement(By.id("counts")).getText()).contains("รอส่ง 3");
                showList(d);
                b.screenshot("field-4-restarted-offline");
                assertThat(net.bytesToServer()).isEqualTo(sentOff);
                assertThat(stored()).isZero();
                System.out.println("[field] connections refused by the switched-off network: " + net.refused());

                net.on();
                offline(d, false);
                new WebDriverWait(d, WAIT).until(x -> x.findElements(By.cssSelector("#records li[data-status=sent]")).size() == 3);
                showList(d);
                b.screenshot("field-5-sent");
                assertThat(stored()).isEqualTo(3);
                assertThat(jdbc.sql("select mode from field_response where assessor = ? and fiscal_year = ? order by mode")
                        .params(assessor.username(), year.buddhistEra()).query(String.class).list())
                        .containsExactly("IN_PERSON", "TELEPHONE", "VIDEO");
                assertThat(jdbc.sql("select count(*) from survey_response r join field_response f on f.response_id = r.id "
                                + "where f.assessor = ? and r.part = 'EIT_SURVEY' and r.agency_code in (?, ?)")
                        .params(assessor.username(), first.code().value(), second.code().value()).query(Long.class).single()).isEqualTo(3);

                // a resend (the same identifier and content) and a conflicting one (other answers), through the API
                JsonNode kept = JSON.readTree((String) async(d, "var r = indexedDB.open('openita-field', 1); r.onsuccess = () => {"
                        + " var tx = r.result.transaction(['records', 'meta']); var out = {};"
                        + " tx.objectStore('records').getAll().onsuccess = e => out.records = e.target.result;"
                        + " tx.objectStore('meta').get('token:" + assessor.username() + "').onsuccess = e => out.token = e.target.result;"
                        + " tx.oncomplete = () => { r.result.close(); done(JSON.stringify(out)); }; }"));
                String token = kept.get("token").asString();
                JsonNode one = kept.get("records").get(0);
                Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("agency", one.get("agency").asString(),
                        "year", one.get("year").asInt(), "mode", one.get("mode").asString(), "answeredOn", one.get("answeredOn").asString()));
                Map<String, String> answers = new java.util.LinkedHashMap<>();
                one.get("answers").properties().forEach(e -> answers.put(e.getKey(), e.getValue().asString()));
                body.put("answers", answers);
                HttpResponse<String> again = put(token, one.get("id").asString(), body);
                assertThat(again.statusCode()).isEqualTo(200);
                assertThat(again.body()).contains("already-stored");
                String firstKey = answers.keySet().iterator().next();
                answers.put(firstKey, "1".equals(answers.get(firstKey)) ? "2" : "1");
                HttpResponse<String> conflict = put(token, one.get("id").asString(), body);
                assertThat(conflict.statusCode()).isEqualTo(409);
                assertThat(JSON.readTree(conflict.body()).get("code").asString()).isEqualTo("field-response-conflict");
                assertThat(stored()).isEqualTo(3);

                // after the year's surveys close, an answer recorded is refused and stays on the device with the reason
                closing.close(year, "test");
                record(d, second, "IN_PERSON", 1, 4);
                new WebDriverWait(d, WAIT).until(x -> x.findElements(By.cssSelector("#records li[data-status=refused]")).size() == 1);
                WebElement refused = d.findElement(By.cssSelector("#records li[data-status=refused]"));
                assertThat(refused.getText()).contains("ไม่ถูกรับ").contains("ปิดแล้ว").contains(second.nameTh());
                assertThat(stored()).isEqualTo(3);
                showList(d);
                b.screenshot("field-6-refused-after-close");
                theAgencySeesItsPartTwoScore(base);
                SurveyBrowserIT.assertNoViolations(d, "field page with sent and refused answers");
                // opened again online with no session (this browser never signed in): the kept page, working on the device token
                reload(d);
                assertThat(d.getCurrentUrl()).isEqualTo(base + "/field/app");
                assertThat(d.findElements(By.cssSelector("#records li[data-status=refused]"))).as("kept on the device").hasSize(1);
                assertThat(d.findElements(By.cssSelector("#records li[data-status=sent]"))).hasSize(3);
                // the year is reopened: the refused answer can be sent again, and now it is taken
                assertThat(closing.reopen(year, "test", "เปิดรับใหม่เพื่อทดสอบ")).isInstanceOf(SurveyClosing.Reopening.Reopened.class);
                d.findElement(By.cssSelector("#records li[data-status=refused] [data-testid=send-again]")).click();
                new WebDriverWait(d, WAIT).until(x -> x.findElements(By.cssSelector("#records li[data-status=sent]")).size() == 4);
                assertThat(stored()).isEqualTo(4);
            }
        }
    }

    /**
     * After the close, the first agency's administrator opens its results page on a phone: the EIT part 2 score is there,
     * as the scoring computed it from the three answers the device sent.
     */
    void theAgencySeesItsPartTwoScore(String base) throws Exception {
        Double score = results.result(first.code(), year).orElseThrow().score().tools().get("EIT_SURVEY");
        assertThat(score).as("three part-2 answers are scored").isNotNull();
        Fixtures.Person admin = fixtures.person(Role.AGENCY_ADMIN).named("ปลัดทดลองเก็บข้อมูล").of(first.code().value()).create();
        try (Browser agency = Browser.open(390, 1600)) {
            ChromeDriver d = agency.driver();
            agency.signIn(base, admin.username(), admin.password());
            d.get(base + "/agency/" + first.code().value() + "/results/" + year.buddhistEra());
            String text = d.findElement(By.tagName("main")).getText().replaceAll("\\s+", " ");
            agency.screenshot("field-7-agency-part-2-score");
            assertThat(text).contains("EIT ส่วนที่ 2 (ผู้ประเมินเก็บข้อมูล) " + String.format(java.util.Locale.ROOT, "%.2f", score))
                    .contains("EIT ส่วนที่ 2: 3 ชุด");
            // never who collected them, or how
            assertThat(text).doesNotContain(assessor.username(), "ผู้ประเมินภาคสนาม", "โทรศัพท์", "วิดีโอ");
        }
    }

    @Test
    void onADeviceTwoAssessorsShareEachAnswerIsSentAsTheAssessorWhoRecordedIt() throws Exception {
        Fixtures.Person other = fixtures.person(Role.ASSESSOR).named("ผู้ประเมินคนที่สอง").seeing(first.code()).create();
        Path profile = freshDirectory("openita-field-shared-");
        try (NetworkSwitch net = NetworkSwitch.to(URI.create(publicBaseUrl()).getPort())) {
            String base = "http://localhost:" + net.port();
            try (Browser b = Browser.withProfile(390, 844, profile)) {
                ChromeDriver d = b.driver();
                b.signIn(base, assessor.username(), assessor.password());
                d.get(base + "/field/app");
                ready(d);
                waitFor(d, "the service worker controls the page", "return !!navigator.serviceWorker.controller");
                net.off();
                offline(d, true);
                record(d, first, "TELEPHONE", 1, 1);
                assertThat(d.findElements(By.cssSelector("#records li[data-status=waiting]"))).hasSize(1);
            }
            net.on();
            // the tablet passes to a colleague, who signs in on the same browser profile
            try (Browser b = Browser.withProfile(390, 844, profile)) {
                ChromeDriver d = b.driver();
                b.signIn(base, other.username(), other.password());
                d.get(base + "/field/app");
                ready(d);
                // the first assessor's answer goes with the first assessor's token; the colleague does not see it
                new WebDriverWait(d, WAIT).until(x -> stored() == 1);
                assertThat(d.findElements(By.cssSelector("#records li.record"))).isEmpty();
                record(d, first, "IN_PERSON", 0, 1);
                new WebDriverWait(d, WAIT).until(x -> x.findElements(By.cssSelector("#records li[data-status=sent]")).size() == 1);
            }
        }
        assertThat(jdbc.sql("select assessor || ':' || mode from field_response where agency_code = ? order by mode")
                .param(first.code().value()).query(String.class).list())
                .containsExactly(other.username() + ":IN_PERSON", assessor.username() + ":TELEPHONE");
    }

    /** Chooses the agency and the mode, answers every question with its n-th option, saves, and waits for the list to grow. */
    static void record(ChromeDriver d, Agency agency, String mode, int n, int expected) {
        new Select(d.findElement(By.id("agency"))).selectByValue(agency.code().value());
        d.findElement(By.cssSelector("#mode input[value=" + mode + "]")).click();
        for (WebElement fs : d.findElements(By.cssSelector("#questions fieldset[data-key]"))) {
            List<WebElement> labels = fs.findElements(By.cssSelector(".options label"));
            labels.get(Math.min(n, labels.size() - 1)).click();
        }
        d.findElement(By.id("save")).click();
        new WebDriverWait(d, WAIT).until(x -> x.findElements(By.cssSelector("#records li.record")).size() == expected);
    }

    /** Scrolls to the list of answers recorded, for the screenshot. */
    static void showList(ChromeDriver d) {
        ((JavascriptExecutor) d).executeScript("document.getElementById('h-list').scrollIntoView()");
    }

    static void offline(ChromeDriver d, boolean off) {
        d.executeCdpCommand("Network.enable", Map.of());
        d.executeCdpCommand("Network.emulateNetworkConditions",
                Map.of("offline", off, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }

    static void reload(ChromeDriver d) {
        ((JavascriptExecutor) d).executeScript("window.__before = true");
        d.navigate().refresh();
        new WebDriverWait(d, WAIT).until(x -> Boolean.TRUE.equals(((JavascriptExecutor) x).executeScript("return window.__before === undefined")));
        ready(d);
    }

    static void ready(ChromeDriver d) {
        waitFor(d, "the page is ready", "return document.body && document.body.getAttribute('data-ready') === 'true'");
    }

    static void waitFor(ChromeDriver d, String what, String script) {
        new WebDriverWait(d, WAIT).withMessage(what).until(x -> Boolean.TRUE.equals(((JavascriptExecutor) x).executeScript(script)));
    }

    /** Runs a script that calls done(value) when it has its answer. */
    static Object async(ChromeDriver d, String script) {
        return d.executeAsyncScript("var done = arguments[arguments.length - 1]; " + script);
    }

    HttpResponse<String> put(String token, String id, Map<String, Object> body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(publicBaseUrl() + "/api/v1/field/responses/" + id))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
    }
}
