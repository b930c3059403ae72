package io.lead360.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A clone of this repository is the whole project: no file points at a path outside it (the contract and
 * the design are {@code docs/API.md} and {@code docs/DESIGN.md}), every relative link in the Markdown
 * files leads to a file that is there, and every version of a dependency or plugin is set once, in the
 * root POM.
 */
class StandsOnItsOwnTest {

    private static final Path ROOT =
            Path.of(System.getProperty("lead360.root", "..")).toAbsolutePath().normalize();
    private static final Set<String> SKIPPED_DIRECTORIES =
            Set.of(".git", "target", "node_modules", "var", ".idea", ".mvn");
    /** The folder next to the checkout that the project's first documents lived in (spelled so that this file is no hit). */
    private static final String OUTSIDE = ".." + "/shared";

    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    /** A version other than the project's own (a module of this build, {@code ${project.version}}). */
    private static final Pattern VERSION = Pattern.compile("<version>(?!\\$\\{project\\.version})[^<]*</version>");

    @Test
    void noFileNamesThePathOutsideTheRepositoryThatTheFirstDocumentsLivedIn() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : committed()) {
            String text = text(file);
            if (text != null && text.contains(OUTSIDE)) {
                found.add(ROOT.relativize(file).toString());
            }
        }
        assertThat(found).as("files that point outside the repository").isEmpty();
    }

    @Test
    void everyRelativeLinkInTheDocumentsLeadsToAFileInTheRepository() throws IOException {
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Path file : committed()) {
            if (!file.toString().endsWith(".md")) {
                continue;
            }
            Matcher link = MARKDOWN_LINK.matcher(text(file));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-z]+:.*") || target.startsWith("#")) {
                    continue; // a web address, a mail address or a heading of the same file
                }
                links++;
                Path resolved =
                        file.getParent().resolve(target.replaceAll("#.*$", "")).normalize();
                if (!resolved.startsWith(ROOT) || !Files.exists(resolved)) {
                    broken.add(ROOT.relativize(file) + " → " + target);
                }
            }
        }
        assertThat(links).as("relative links checked").isPositive();
        assertThat(broken).as("links that leave the repository or lead nowhere").isEmpty();
    }

    @Test
    void versionsAreSetOnceInTheRootPom() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path pom : modules.map(m -> m.resolve("pom.xml"))
                    .filter(Files::isRegularFile)
                    .toList()) {
                String text = Files.readString(pom);
                // the parent's version is the only one a module POM names (its own comes from the parent)
                Matcher version = VERSION.matcher(text.replaceFirst("(?s)<parent>.*?</parent>", ""));
                while (version.find()) {
                    found.add(ROOT.relativize(pom) + ": " + version.group());
                }
            }
        }
        assertThat(found)
                .as("versions in module POMs (set them in the root POM's dependencyManagement)")
                .isEmpty();
    }

    private static List<Path> committed() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(Files::isRegularFile)
                    .filter(StandsOnItsOwnTest::committable)
                    .toList();
        }
    }

    private static String text(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException binary) {
            return null;
        }
    }

    private static boolean committable(Path file) {
        for (Path part : ROOT.relativize(file)) {
            if (SKIPPED_DIRECTORIES.contains(part.toString()) || part.toString().endsWith("-home")) {
                return false;
            }
        }
        return Files.isReadable(file);
    }
}
