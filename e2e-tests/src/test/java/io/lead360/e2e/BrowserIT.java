package io.lead360.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.lead360.infra.MailInbox;
import io.lead360.infra.demo.ApiClient;
import io.lead360.infra.demo.DemoOrganisation;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The web application in real headless Chromium against the whole platform ({@code ./lead360 up}
 * and {@code ./lead360 demo}): a rater submits, another rater completes a questionnaire with the
 * keyboard only, an administrator closes and releases, and leaders see their profile with its chart.
 * A screenshot of every page goes to {@code target/screenshots}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserIT {

    private static final String PASSWORD = "browser-it-password";
    private static final String DOMAIN = "@browser.e2e.test";
    private static final OrgChart chart = new OrgChart(DOMAIN, PASSWORD).withRoles("EMPLOYEE");
    private static final String MARKUP_COMMENT = "<b>Keep</b> the weekly <img src=x> one-to-ones";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static Platform platform;
    private static ApiClient api;
    private static String admin;
    private static String cycleId;
    private static final Map<String, String> ids = new LinkedHashMap<>();
    private static Path screenshots;
    private static Chromium chromium;

    private WebDriver driver;
    private Path userDataDir;

    @BeforeAll
    static void up() throws Exception {
        // before the platform starts: without a browser this fails at once, saying what to install
        chromium = Chromium.find();
        platform = new Platform("browser-it");
        assertThat(platform.run("up")).contains("lead360 is up");
        platform.run("demo");
        api = new ApiClient(platform.gatewayUrl());
        admin = api.signIn(Platform.ADMIN_EMAIL, Platform.ADMIN_PASSWORD);
        screenshots = Path.of("target/screenshots").toAbsolutePath();
        Files.createDirectories(screenshots);

        // a small team with an OPEN cycle, so that there is something to answer and to close
        List<Map<String, Object>> rows = new ArrayList<>();
        // the boss has no password yet: the invitation mail carries the link to set one
        Map<String, Object> boss = chart.person("boss", "Bea Boss", null);
        boss.remove("password");
        rows.add(boss);
        rows.add(chart.person("lead", "Lou Lead", "boss"));
        for (String r : List.of("r1", "r2", "r3")) {
            rows.add(chart.person(r, "Reporter " + r.toUpperCase(), "lead"));
        }
        api.importPeople(admin, rows);
        for (JsonNode p : api.get("/api/people", admin).expect(200).json()) {
            ids.put(p.get("email").asString(), p.get("id").asString());
        }
        Map<String, Object> cycle = Map.of(
                "name",
                "Browser test cycle",
                "templateId",
                "leadership-360",
                "subjectIds",
                List.of(ids.get(chart.email("lead"))),
                "anonymityThreshold",
                3);
        cycleId = api.post("/api/cycles", admin, cycle)
                .expect(201)
                .json()
                .get("id")
                .asString();
        api.post("/api/cycles/" + cycleId + "/open", admin, null).expect(200);
        // the third report answers through the API, so that with r1 and r2 in the browser the group
        // reaches the threshold (3) and the leader's profile shows it
        String r3 = api.signIn(chart.email("r3"), PASSWORD);
        String request = api.get("/api/feedback-requests", r3)
                .expect(200)
                .json()
                .get(0)
                .get("id")
                .asString();
        api.post(
                        "/api/feedback-requests/" + request + "/response",
                        r3,
                        Map.of(
                                "ratings",
                                Map.of("trust-1", 4, "vision-1", 5),
                                "comments",
                                Map.of("start", "More walks")))
                .expect(201);
    }

    @AfterAll
    static void down() {
        if (platform != null) {
            platform.stopQuietly();
        }
    }

    @BeforeEach
    void startBrowser() throws IOException {
        userDataDir = Files.createTempDirectory("lead360-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.binary().toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,900",
                "--user-data-dir=" + userDataDir);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromium.driver().toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        try (var paths = Files.walk(userDataDir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    @Test
    @Order(1)
    void aRaterSignsInAndSubmitsTheQuestionnaire() throws IOException {
        driver.get(platform.gatewayUrl() + "/");
        waitFor(By.id("email"));
        screenshot("01-sign-in");
        signIn(chart.email("r1"));
        waitFor(By.id("pending-requests"));
        screenshot("02-my-feedback");

        driver.findElement(By.cssSelector("#pending-requests .request-link")).click();
        waitFor(By.id("questionnaire"));
        assertThat(text(By.id("visibility"))).contains("Who will see this").contains("someone who reports to them");
        List<WebElement> items = driver.findElements(By.cssSelector("fieldset.item"));
        assertThat(items).hasSize(21);
        for (int i = 0; i < items.size(); i++) {
            // the radio itself is visually hidden; people click its label
            List<WebElement> labels = items.get(i).findElements(By.cssSelector(".option label"));
            assertThat(labels)
                    .extracting(WebElement::getText)
                    .containsExactly("Never", "Rarely", "Sometimes", "Often", "Always", "Can't say");
            scrollTo(labels.get(i % 6));
            labels.get(i % 6).click();
        }
        assertThat(text(By.id("progress-text"))).isEqualTo("21 of 21 answered");
        driver.findElement(By.id("comment-continue")).sendKeys(MARKUP_COMMENT);

        WebElement save = driver.findElement(By.id("save-draft"));
        scrollTo(save);
        save.click();
        // saved, or a short message on a server without drafts: never a broken page
        new WebDriverWait(driver, WAIT)
                .until(d -> !d.findElement(By.id("form-message")).getText().isBlank());
        screenshot("03-questionnaire");

        WebElement submit = driver.findElement(By.id("submit-feedback"));
        scrollTo(submit);
        submit.click();
        waitForText(By.tagName("main"), "Your feedback is submitted");
        screenshot("04-submitted");

        assertThat(requestOf("r1").get("status").asString()).isEqualTo("SUBMITTED");
    }

    @Test
    @Order(2)
    void aRaterCompletesTheQuestionnaireWithTheKeyboardOnly() throws IOException {
        driver.get(platform.gatewayUrl() + "/");
        waitFor(By.id("email"));
        WebElement emailField = driver.switchTo().activeElement();
        assertThat(emailField.getAttribute("id")).isEqualTo("email");
        emailField.sendKeys(chart.email("r2"));
        press(Keys.TAB);
        driver.switchTo().activeElement().sendKeys(PASSWORD, Keys.ENTER);
        waitFor(By.id("pending-requests"));

        WebElement active = tabUntil(
                e -> e.getAttribute("class") != null && e.getAttribute("class").contains("request-link"));
        active.sendKeys(Keys.ENTER);
        waitFor(By.id("questionnaire"));

        int answered = 0;
        boolean focusShown = false;
        for (int step = 0; step < 80; step++) {
            press(Keys.TAB);
            WebElement focused = driver.switchTo().activeElement();
            String type = focused.getAttribute("type");
            if ("radio".equals(type)) {
                press(Keys.SPACE);
                for (int i = 0; i < answered % 5; i++) {
                    press(Keys.ARROW_RIGHT);
                }
                answered++;
                if (!focusShown) {
                    String outline = (String) ((JavascriptExecutor) driver)
                            .executeScript("const l = document.activeElement.nextElementSibling;"
                                    + "return getComputedStyle(l).outlineStyle;");
                    focusShown = "solid".equals(outline);
                }
            } else if ("textarea".equals(focused.getTagName())) {
                focused.sendKeys("Typed with the keyboard only.");
            } else if ("submit-feedback".equals(focused.getAttribute("id"))) {
                assertThat(text(By.id("progress-text"))).isEqualTo("21 of 21 answered");
                screenshot("05-keyboard-questionnaire");
                press(Keys.ENTER);
                break;
            }
        }
        assertThat(answered).isEqualTo(21);
        assertThat(focusShown).as("the focused option shows a visible outline").isTrue();
        waitForText(By.tagName("main"), "Your feedback is submitted");
        assertThat(requestOf("r2").get("status").asString()).isEqualTo("SUBMITTED");
    }

    @Test
    @Order(3)
    void someoneWithoutAPasswordSetsOneFromTheInvitationMailAndAnswersFromItsLink() throws IOException {
        // the invitation as it arrived, read over IMAP
        MailInbox.Mail invitation = awaitInvitation(chart.email("boss"));
        assertThat(invitation.subject()).isEqualTo("Your feedback is asked for: Browser test cycle");
        Matcher password = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/#/set-password\\?token=\\S+)")
                .matcher(invitation.text());
        Matcher request = Pattern.compile("Lou Lead, as their manager: (http://127\\.0\\.0\\.1:\\d+/#/feedback/\\S+)")
                .matcher(invitation.text());
        assertThat(password.find()).as(invitation.text()).isTrue();
        assertThat(request.find()).as(invitation.text()).isTrue();

        driver.get(password.group(1));
        waitFor(By.id("new-password"));
        assertThat(driver.getCurrentUrl())
                .as("the token leaves the address bar")
                .doesNotContain("token=");
        screenshot("03a-set-password");
        driver.findElement(By.id("new-password")).sendKeys("bea-chose-this");
        driver.findElement(By.id("new-password-again")).sendKeys("bea-chose-this");
        driver.findElement(By.id("set-password")).click();
        waitForText(By.tagName("main"), "Your password is set");
        signIn(chart.email("boss"), "bea-chose-this");

        // the request's link from the mail opens its questionnaire
        driver.get(request.group(1));
        waitFor(By.id("questionnaire"));
        for (WebElement item : driver.findElements(By.cssSelector("fieldset.item"))) {
            WebElement often =
                    item.findElements(By.cssSelector(".option label")).get(3);
            scrollTo(often);
            often.click();
        }
        WebElement submit = driver.findElement(By.id("submit-feedback"));
        scrollTo(submit);
        submit.click();
        waitForText(By.tagName("main"), "Your feedback is submitted");
        screenshot("03b-submitted-from-mail");
        String token = api.signIn(chart.email("boss"), "bea-chose-this");
        assertThat(api.get("/api/feedback-requests", token)
                        .expect(200)
                        .json()
                        .get(0)
                        .get("status")
                        .asString())
                .isEqualTo("SUBMITTED");
    }

    private static MailInbox.Mail awaitInvitation(String address) {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            List<MailInbox.Mail> mails = platform.inbox(address);
            if (!mails.isEmpty()) {
                return mails.get(0);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no invitation reached " + address);
    }

    @Test
    @Order(4)
    void aLeaderWhoseResultsAreNotReleasedIsToldWhenTheyWillBe() throws IOException {
        driver.get(platform.gatewayUrl() + "/#/profile");
        signIn(chart.email("lead"));
        waitFor(By.id("not-released"));
        assertThat(text(By.id("not-released"))).contains("not released yet").contains("releases");
        screenshot("06-profile-not-released");
    }

    @Test
    @Order(5)
    void anAdministratorPreviewsAnImportThenClosesAndReleasesTheCycle() throws IOException {
        driver.get(platform.gatewayUrl() + "/#/admin");
        signIn(Platform.ADMIN_EMAIL, Platform.ADMIN_PASSWORD);
        waitFor(By.id("cycles"));

        WebElement csv = driver.findElement(By.id("import-text"));
        csv.sendKeys(
                "email,name,managerEmail,roles,password\n",
                "new.person" + DOMAIN + ",New Person,nobody" + DOMAIN + ",EMPLOYEE,\n");
        driver.findElement(By.id("import-preview")).click();
        waitForText(By.id("import-result"), "nothing was saved");
        assertThat(driver.findElement(By.id("import-save")).isEnabled()).isFalse();
        screenshot("07-administration");

        driver.findElement(By.linkText("Browser test cycle")).click();
        waitForText(By.id("cycle-status"), "Open");
        waitFor(By.id("progress-table"));
        driver.findElement(By.id("cycle-remind")).click();
        new WebDriverWait(driver, WAIT)
                .until(d -> !d.findElement(By.id("cycle-message")).getText().isBlank());
        screenshot("08-cycle-open");

        driver.findElement(By.id("cycle-close")).click();
        waitForText(By.id("cycle-status"), "Closed");
        driver.findElement(By.id("cycle-release")).click();
        waitForText(By.id("cycle-status"), "Released");
        waitFor(By.id("heatmap-box"));
        screenshot("09-cycle-released");

        assertThat(api.get("/api/cycles/" + cycleId, admin)
                        .expect(200)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("RELEASED");
    }

    @Test
    @Order(6)
    void theLeaderSeesTheReleasedProfileWithItsChartAndCommentsAsPlainText() throws IOException {
        driver.get(platform.gatewayUrl() + "/#/profile");
        signIn(chart.email("lead"));
        // analytics applies the events asynchronously: reload until the released profile is there
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .pollingEvery(Duration.ofSeconds(2))
                .until(d -> {
                    if (!d.findElements(By.id("competency-chart")).isEmpty()) {
                        return true;
                    }
                    d.navigate().refresh();
                    return false;
                });
        assertChartAndIndex();
        WebElement comments = driver.findElement(By.id("comments-continue"));
        assertThat(comments.getText()).contains(MARKUP_COMMENT);
        assertThat(comments.findElements(By.tagName("b"))).isEmpty();
        assertThat(comments.findElements(By.tagName("img"))).isEmpty();
        screenshot("10-profile-new-leader");
    }

    @Test
    @Order(7)
    void aDemoLeaderSeesTheProfileWithItsChartOnDesktopAndPhone() throws IOException {
        driver.get(platform.gatewayUrl() + "/#/profile");
        signIn("max.manager" + DemoOrganisation.DOMAIN, DemoOrganisation.PASSWORD);
        waitFor(By.id("competency-chart"));
        assertChartAndIndex();
        assertThat(driver.findElements(By.cssSelector("#competency-table tbody tr")))
                .hasSize(7);
        screenshot("11-profile");

        driver.manage().window().setSize(new Dimension(360, 780));
        driver.navigate().refresh();
        waitFor(By.id("competency-chart"));
        Long overflow = (Long) ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("no sideways scrolling on a 360 px phone").isLessThanOrEqualTo(0L);
        screenshot("12-profile-phone");

        driver.findElement(By.id("sign-out")).click();
        waitFor(By.id("email"));
        assertThat(((JavascriptExecutor) driver).executeScript("return sessionStorage.length"))
                .isEqualTo(0L);
    }

    private void assertChartAndIndex() {
        assertThat(text(By.id("leading-index"))).matches("\\d{1,3} / 100");
        WebElement canvas = driver.findElement(By.id("competency-chart"));
        assertThat(canvas.getSize().getWidth()).isPositive();
        assertThat(
                        ((JavascriptExecutor) driver)
                                .executeScript(
                                        "return !!window.Chart && !!Chart.getChart(document.getElementById('competency-chart'));"))
                .as("Chart.js drew the competency chart")
                .isEqualTo(true);
    }

    private void signIn(String email) {
        signIn(email, PASSWORD);
    }

    private void signIn(String email, String password) {
        waitFor(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("sign-in")).click();
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-out")));
    }

    private JsonNode requestOf(String rater) {
        String token = api.signIn(chart.email(rater), PASSWORD);
        for (JsonNode request :
                api.get("/api/feedback-requests", token).expect(200).json()) {
            if (cycleId.equals(request.get("cycleId").asString())) {
                return request;
            }
        }
        throw new AssertionError("no request of " + rater + " in the browser test cycle");
    }

    private WebElement tabUntil(java.util.function.Predicate<WebElement> wanted) {
        for (int i = 0; i < 30; i++) {
            press(Keys.TAB);
            WebElement active = driver.switchTo().activeElement();
            if (wanted.test(active)) {
                return active;
            }
        }
        throw new AssertionError("the element was not reached with the Tab key");
    }

    private void press(CharSequence key) {
        new Actions(driver).sendKeys(key).perform();
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private void waitForText(By by, String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    private String text(By by) {
        return driver.findElement(by).getText();
    }

    private void scrollTo(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    /** A screenshot of the whole page: the window grows to the page's height for the shot. */
    private void screenshot(String name) throws IOException {
        Dimension before = driver.manage().window().getSize();
        Long height = (Long)
                ((JavascriptExecutor) driver).executeScript("return Math.ceil(document.documentElement.scrollHeight);");
        driver.manage().window().setSize(new Dimension(before.getWidth(), (int)
                Math.min(Math.max(height + 140, 600), 6000)));
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        driver.manage().window().setSize(before);
    }
}
