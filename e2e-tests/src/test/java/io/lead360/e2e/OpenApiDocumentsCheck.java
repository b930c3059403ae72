package io.lead360.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.lead360.infra.demo.ApiClient;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The three OpenAPI documents as a client gets them, through the gateway of a running platform, linted by
 * Redocly CLI with its recommended rules: any error fails, the warnings are counted and printed. Then the one
 * Swagger UI in real headless Chromium, under the gateway's Content-Security-Policy. Redocly CLI is installed
 * with npm into {@code e2e-tests/target/redocly} once. Run as a {@code @Nested} class of an IT that has a
 * platform up ({@code PlatformIT}): reading documents needs no platform of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OpenApiDocumentsCheck {

    private static final String REDOCLY_VERSION = "2.77.0";
    private static final Path ROOT =
            Path.of(System.getProperty("lead360.root", "..")).toAbsolutePath().normalize();
    private static final Path TARGET = ROOT.resolve("e2e-tests/target");
    private static final Path TOOL = TARGET.resolve("redocly");
    private static final Path DOCUMENTS = TARGET.resolve("openapi");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private ApiClient api;

    /** The running platform whose documents are checked. */
    abstract Platform platform();

    @BeforeAll
    void installRedoclyAndReachTheGateway() throws Exception {
        installRedocly();
        api = new ApiClient(platform().gatewayUrl());
        Files.createDirectories(DOCUMENTS);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"feedback", "analytics", "gateway"})
    void theDocumentPassesRedoclysRecommendedRulesWithoutAnError(String name) throws Exception {
        // anonymous, as any client reads it
        ApiClient.Response document = api.get("/api/docs/" + name, null).expect(200);
        assertThat(document.json().get("openapi").asString()).startsWith("3.1.");
        Path file = DOCUMENTS.resolve(name + ".json");
        Files.writeString(file, document.body());

        JsonNode report = lint(file);
        int errors = report.get("totals").get("errors").asInt();
        int warnings = report.get("totals").get("warnings").asInt();
        List<String> problems = new ArrayList<>();
        report.get("problems")
                .forEach(p -> problems.add(
                        p.get("severity").asString() + " " + p.get("ruleId").asString() + " at "
                                + p.get("location").get(0).path("pointer").asString() + ": "
                                + p.get("message").asString()));
        System.out.printf(
                "redocly lint /api/docs/%s (recommended, Redocly CLI %s): %d errors, %d warnings%n",
                name, REDOCLY_VERSION, errors, warnings);
        problems.forEach(p -> System.out.println("  " + p));

        assertThat(errors)
                .as("errors in /api/docs/" + name + ":\n" + String.join("\n", problems))
                .isZero();
    }

    /**
     * The UI's scripts are files of the gateway, so the policy's {@code script-src 'self'} lets them run; the
     * one inline {@code <style>} of the Swagger logo in the top bar is refused (the logo loses its colours).
     */
    @Test
    void theSwaggerUiShowsTheThreeDocumentsUnderTheContentSecurityPolicy() throws IOException {
        Path userDataDir = Files.createTempDirectory("lead360-chromium");
        ChromeOptions options = new ChromeOptions();
        Chromium chromium = Chromium.find();
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
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromium.driver().toFile())
                .usingAnyFreePort()
                .build();
        WebDriver driver = new ChromeDriver(service, options);
        try {
            driver.get(platform().gatewayUrl() + "/api/docs");
            assertThat(driver.getCurrentUrl()).endsWith("/api/docs/swagger-ui/index.html");
            Map<String, String> tagOfDocument = Map.of(
                    "/api/docs/feedback", "Cycles", "/api/docs/analytics", "Profiles", "/api/docs/gateway", "Sign-in");
            WebDriverWait wait = new WebDriverWait(driver, WAIT);
            assertThat(documents(wait).getOptions())
                    .extracting(o -> o.getAttribute("value"))
                    .containsExactlyInAnyOrderElementsOf(tagOfDocument.keySet());
            for (Map.Entry<String, String> document : tagOfDocument.entrySet()) {
                documents(wait).selectByValue(document.getKey());
                wait.until(d -> !d.findElements(By.cssSelector("[data-tag='" + document.getValue() + "']"))
                        .isEmpty());
            }
            screenshot(driver, "swagger-ui");

            List<String> refused = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .map(LogEntry::getMessage)
                    .filter(m -> m.contains("Content Security Policy"))
                    .toList();
            refused.forEach(m -> System.out.println("refused by the Content-Security-Policy: " + m));
            assertThat(refused)
                    .as("what the policy refused")
                    .allSatisfy(m -> assertThat(m).contains("style-src 'self'").doesNotContain("script-src"));
        } finally {
            driver.quit();
            try (var paths = Files.walk(userDataDir)) {
                paths.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The top bar's choice of document, once it takes a choice (it is disabled while a document loads). */
    private static Select documents(WebDriverWait wait) {
        return new Select(wait.until(d -> {
            var select = d.findElement(By.cssSelector(".topbar select"));
            return select.isEnabled() ? select : null;
        }));
    }

    /** Redocly CLI's report of one document: {@code totals} and {@code problems}. */
    private static JsonNode lint(Path document) throws IOException, InterruptedException, URISyntaxException {
        Path config =
                Path.of(OpenApiDocumentsCheck.class.getResource("/redocly.yaml").toURI());
        Path output = DOCUMENTS.resolve(document.getFileName() + ".lint.json");
        ProcessBuilder lint = new ProcessBuilder(
                        TOOL.resolve("node_modules/.bin/redocly").toString(),
                        "lint",
                        "--config",
                        config.toString(),
                        "--format",
                        "json",
                        "--max-problems",
                        "10000",
                        document.toString())
                .directory(DOCUMENTS.toFile())
                .redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(
                        DOCUMENTS.resolve("redocly.log").toFile()));
        isolated(lint);
        Process process = lint.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("redocly lint " + document + " took longer than 2 minutes");
        }
        String report = Files.readString(output, StandardCharsets.UTF_8);
        if (report.isBlank()) {
            fail("redocly lint " + document + " wrote no report (exit " + process.exitValue() + "); see "
                    + DOCUMENTS.resolve("redocly.log"));
        }
        return JSON.readTree(report);
    }

    /** Installs @redocly/cli into e2e-tests/target/redocly, unless that version is there already. */
    private static void installRedocly() throws IOException, InterruptedException {
        requireOnPath("node");
        Path installed = TOOL.resolve("node_modules/@redocly/cli/package.json");
        if (Files.exists(installed)
                && REDOCLY_VERSION.equals(
                        JSON.readTree(installed.toFile()).path("version").asString(""))) {
            return;
        }
        requireOnPath("npm");
        Files.createDirectories(TOOL);
        Path log = TOOL.resolve("npm-install.log");
        ProcessBuilder npm = new ProcessBuilder(
                        "npm",
                        "install",
                        "--prefix",
                        TOOL.toString(),
                        "--no-audit",
                        "--no-fund",
                        "--loglevel=error",
                        "@redocly/cli@" + REDOCLY_VERSION)
                .directory(TOOL.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        isolated(npm);
        Process install = npm.start();
        if (!install.waitFor(5, TimeUnit.MINUTES)) {
            install.destroyForcibly();
            fail("npm install @redocly/cli@" + REDOCLY_VERSION + " took longer than 5 minutes; see " + log);
        }
        if (install.exitValue() != 0) {
            fail("npm install @redocly/cli@" + REDOCLY_VERSION + " failed:\n" + Files.readString(log));
        }
    }

    /** A failure naming what to install, never a skipped test: CI machines have Node.js and npm. */
    private static void requireOnPath(String tool) throws InterruptedException {
        try {
            Process version = new ProcessBuilder(tool, "--version")
                    .redirectErrorStream(true)
                    .start();
            version.getInputStream().readAllBytes();
            version.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException missing) {
            fail("The OpenAPI lint (OpenApiDocumentsCheck) runs Redocly CLI, which needs Node.js and npm, and '" + tool
                    + "' is not on the "
                    + "PATH: install Node.js 20 or newer with npm (Debian: apt-get install -y nodejs npm)");
        }
    }

    /** Redocly CLI neither reports usage nor looks for a newer version of itself. */
    private static void isolated(ProcessBuilder process) {
        process.environment().put("REDOCLY_TELEMETRY", "off");
        process.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        process.environment().put("REDOCLY_SUPPRESS_NOTIFICATIONS", "true");
        process.environment().put("NO_UPDATE_NOTIFIER", "1");
    }

    private static void screenshot(WebDriver driver, String name) throws IOException {
        Path dir = Files.createDirectories(TARGET.resolve("screenshots"));
        Files.copy(
                ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(),
                dir.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
