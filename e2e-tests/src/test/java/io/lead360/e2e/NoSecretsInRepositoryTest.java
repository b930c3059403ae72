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
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No secret lives in the repository: no private key, no issued token, no cloud or API key. Keys are
 * made at first start (or given in production), and demo passwords are demo values that production
 * mode refuses.
 */
class NoSecretsInRepositoryTest {

    private static final Path ROOT =
            Path.of(System.getProperty("lead360.root", "..")).toAbsolutePath().normalize();
    /** Build output, test homes and tool folders: not part of what is committed. */
    private static final Set<String> SKIPPED_DIRECTORIES =
            Set.of(".git", "target", "node_modules", "var", ".idea", ".mvn");

    private static final List<Pattern> SECRETS = List.of(
            Pattern.compile("-----BEGIN (RSA |EC |OPENSSH |ENCRYPTED )?PRIVATE KEY-----\\s*\\n\\s*[A-Za-z0-9+/]{40}"),
            Pattern.compile("eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{20,}"),
            Pattern.compile("AKIA[0-9A-Z]{16}"),
            Pattern.compile("ghp_[A-Za-z0-9]{36}"),
            Pattern.compile("xox[abp]-[A-Za-z0-9-]{10,}"));

    @Test
    void noPrivateKeyTokenOrCloudKeyIsCommitted() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(NoSecretsInRepositoryTest::committable)
                    .toList()) {
                String text;
                try {
                    text = Files.readString(file, StandardCharsets.UTF_8);
                } catch (MalformedInputException binary) {
                    continue;
                }
                for (Pattern secret : SECRETS) {
                    if (secret.matcher(text).find()) {
                        found.add(ROOT.relativize(file) + " matches " + secret.pattern());
                    }
                }
            }
        }
        assertThat(found).as("secrets in the repository").isEmpty();
    }

    @Test
    void theScanFindsAKeyWhereThereIsOne() {
        String pem =
                "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----\n";
        assertThat(SECRETS.get(0).matcher(pem).find()).isTrue();
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
