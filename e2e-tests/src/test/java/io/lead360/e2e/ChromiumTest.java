package io.lead360.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChromiumTest {

    @TempDir
    Path dir;

    private Path executable(String name) throws IOException {
        Path file = Files.writeString(dir.resolve(name), "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }

    @Test
    void theBrowserAndTheDriverOnThePathComeBeforeTheUsualInstallPaths() throws IOException {
        Path browser = executable("chromium-browser");
        Path driver = executable("chromedriver");

        Chromium found = Chromium.find(
                Map.of("PATH", "/nonexistent:" + dir),
                new Properties(),
                List.of(Path.of("/usr/bin/chromium")),
                List.of(Path.of("/usr/bin/chromedriver")));

        assertThat(found).isEqualTo(new Chromium(browser, driver));
    }

    @Test
    void aSettingWinsAndASystemPropertyWinsOverTheVariable() throws IOException {
        Path chrome = executable("google-chrome");
        Path driver = executable("my-chromedriver");
        executable("chromium");
        Properties properties = new Properties();
        properties.setProperty("lead360.chromedriver", driver.toString());

        Chromium found = Chromium.find(
                Map.of(
                        "PATH",
                        dir.toString(),
                        "LEAD360_CHROMIUM",
                        chrome.toString(),
                        "LEAD360_CHROMEDRIVER",
                        "/nonexistent/chromedriver"),
                properties,
                List.of(),
                List.of());

        assertThat(found).isEqualTo(new Chromium(chrome, driver));
    }

    @Test
    void aSettingThatIsNoExecutableIsNamedInsteadOfFallingBackToAnotherBrowser() throws IOException {
        executable("chromium");
        executable("chromedriver");
        Path notExecutable = Files.writeString(dir.resolve("chrome.txt"), "");

        assertThatThrownBy(() -> Chromium.find(
                        Map.of("PATH", dir.toString(), "LEAD360_CHROMIUM", notExecutable.toString()),
                        new Properties(),
                        List.of(),
                        List.of()))
                .hasMessageContaining("LEAD360_CHROMIUM / -Dlead360.chromium is " + notExecutable
                        + ", which is not an executable file");
    }

    @Test
    void withNothingInstalledTheFailureSaysWhatToInstallOnEachPlatform() {
        assertThatThrownBy(() -> Chromium.find(Map.of("PATH", dir.toString()), new Properties(), List.of(), List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no browser (Chromium or Google Chrome) found: LEAD360_CHROMIUM is not set")
                .hasMessageContaining(
                        "none of chromium, chromium-browser, google-chrome, google-chrome-stable is on PATH")
                .hasMessageContaining("no chromedriver found: LEAD360_CHROMEDRIVER is not set")
                .hasMessageContaining("sudo apt-get install chromium chromium-driver")
                .hasMessageContaining("sudo dnf install chromium chromedriver")
                .hasMessageContaining("brew install --cask chromium chromedriver");
    }
}
