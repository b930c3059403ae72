package io.lead360.e2e;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where BrowserIT finds a browser and its driver on a newcomer's machine: the setting
 * ({@code -Dlead360.chromium} / {@code LEAD360_CHROMIUM}, {@code -Dlead360.chromedriver} /
 * {@code LEAD360_CHROMEDRIVER}), else {@code PATH}, else the usual install paths. Nothing found fails
 * with what to install per platform: the browser test is never skipped.
 */
record Chromium(Path binary, Path driver) {

    static final List<String> BROWSER_NAMES =
            List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");
    static final List<String> DRIVER_NAMES = List.of("chromedriver");
    /** Debian's packages, then the macOS applications. */
    static final List<Path> BROWSER_PATHS = List.of(
            Path.of("/usr/bin/chromium"),
            Path.of("/Applications/Chromium.app/Contents/MacOS/Chromium"),
            Path.of("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"));

    static final List<Path> DRIVER_PATHS =
            List.of(Path.of("/usr/bin/chromedriver"), Path.of("/usr/lib/chromium/chromedriver"));

    static final String HOW_TO_INSTALL = """
            Install Chromium (or Google Chrome) and a chromedriver of the same major version:
              Debian:            sudo apt-get install chromium chromium-driver
              Ubuntu:            sudo apt-get install chromium-browser chromium-chromedriver
              Fedora:            sudo dnf install chromium chromedriver
              macOS (Homebrew):  brew install --cask chromium chromedriver
            or point LEAD360_CHROMIUM and LEAD360_CHROMEDRIVER (or -Dlead360.chromium and -Dlead360.chromedriver)
            at the browser and the driver.""";

    static Chromium find() {
        return find(System.getenv(), System.getProperties(), BROWSER_PATHS, DRIVER_PATHS);
    }

    static Chromium find(
            Map<String, String> environment, Properties properties, List<Path> browserPaths, List<Path> driverPaths) {
        List<String> problems = new ArrayList<>();
        Optional<Path> binary = locate(
                "browser (Chromium or Google Chrome)",
                "lead360.chromium",
                "LEAD360_CHROMIUM",
                BROWSER_NAMES,
                browserPaths,
                environment,
                properties,
                problems);
        Optional<Path> driver = locate(
                "chromedriver",
                "lead360.chromedriver",
                "LEAD360_CHROMEDRIVER",
                DRIVER_NAMES,
                driverPaths,
                environment,
                properties,
                problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "BrowserIT cannot run:\n  " + String.join("\n  ", problems) + "\n" + HOW_TO_INSTALL);
        }
        return new Chromium(binary.orElseThrow(), driver.orElseThrow());
    }

    private static Optional<Path> locate(
            String what,
            String property,
            String variable,
            List<String> names,
            List<Path> paths,
            Map<String, String> environment,
            Properties properties,
            List<String> problems) {
        String setting = properties.getProperty(property, environment.get(variable));
        if (setting != null && !setting.isBlank()) {
            Path given = Path.of(setting);
            if (executable(given)) {
                return Optional.of(given);
            }
            // a setting that is wrong is named, not passed over for something else on the machine
            problems.add(variable + " / -D" + property + " is " + given + ", which is not an executable file");
            return Optional.empty();
        }
        List<Path> candidates = new ArrayList<>();
        for (String directory : environment.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!directory.isBlank()) {
                names.forEach(name -> candidates.add(Path.of(directory, name)));
            }
        }
        candidates.addAll(paths);
        Optional<Path> found = candidates.stream().filter(Chromium::executable).findFirst();
        if (found.isEmpty()) {
            problems.add("no " + what + " found: " + variable + " is not set, none of " + String.join(", ", names)
                    + " is on PATH" + (paths.isEmpty() ? "" : ", and there is none at " + paths));
        }
        return found;
    }

    private static boolean executable(Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file);
    }
}
