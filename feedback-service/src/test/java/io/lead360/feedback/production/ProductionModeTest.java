package io.lead360.feedback.production;

import static org.assertj.core.api.Assertions.assertThat;

import io.lead360.feedback.keys.DataKey;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProductionModeTest {

    @TempDir
    Path dir;

    private Path dataKey() {
        Path file = dir.resolve("data-key");
        DataKey.loadOrCreate(file);
        return file;
    }

    @Test
    void aMissingPasswordIsNamed() {
        assertThat(ProductionMode.problems(null, dataKey()))
                .singleElement()
                .asString()
                .contains("is not set");
        assertThat(ProductionMode.problems("  ", dataKey()))
                .singleElement()
                .asString()
                .contains("is not set");
    }

    @Test
    void theDemoPasswordIsRefused() {
        assertThat(ProductionMode.problems("lead360-admin", dataKey()))
                .singleElement()
                .asString()
                .contains("demo value");
    }

    @Test
    void elevenCharactersAreTooFewTwelveAreEnough() {
        assertThat(ProductionMode.problems("a".repeat(11), dataKey()))
                .singleElement()
                .asString()
                .contains("shorter than 12");
        assertThat(ProductionMode.problems("correct horse", dataKey())).isEmpty();
        assertThat(ProductionMode.problems("b".repeat(12), dataKey())).isEmpty();
    }

    @Test
    void aMissingOrBrokenDataKeyFileIsNamedAndNotCreated() throws Exception {
        Path missing = dir.resolve("nope");
        assertThat(ProductionMode.problems("correct horse", missing))
                .singleElement()
                .asString()
                .contains("LEAD360_DATA_KEY_FILE")
                .contains("does not exist");
        assertThat(missing).doesNotExist();
        Path broken = Files.writeString(dir.resolve("broken"), "c2hvcnQ=\n");
        assertThat(ProductionMode.problems("correct horse", broken))
                .singleElement()
                .asString()
                .contains("32");
    }
}
