package io.lead360.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Who rated whom, and what was answered, is readable by the account that runs local-infra only. */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "POSIX permissions")
class DataFilePermissionsTest {

    @TempDir
    Path home;

    @Test
    void storeDirectoriesAre0700AndTheirFiles0600AfterAStartWithWritesAndAfterAStop() throws Exception {
        // what an earlier version, or a permissive umask, left behind
        Path data = Files.createDirectories(home.resolve("data"));
        Path feedbackDir = Files.createDirectories(data.resolve("mongodb-feedback"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(feedbackDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path stray = Files.writeString(feedbackDir.resolve("notes.txt"), "left here");
        Files.setPosixFilePermissions(stray, PosixFilePermissions.fromString("rw-r--r--"));

        LocalInfra.Settings settings = LocalInfra.Settings.fromEnvironment(Map.of(
                "LEAD360_HOME", home.toString(),
                "LEAD360_KAFKA_PORT", String.valueOf(FreePort.find()),
                "LEAD360_MONGODB_PORT", String.valueOf(FreePort.find()),
                "LEAD360_ANALYTICS_MONGODB_PORT", String.valueOf(FreePort.find()),
                "LEAD360_INFRA_HEALTH_PORT", String.valueOf(FreePort.find()),
                "LEAD360_INFRA_MAIL", "false",
                "LEAD360_MONGODB_COMPACT_INTERVAL", "1h"));
        LocalInfra infra = new LocalInfra(settings);
        try {
            infra.start();
            writeTo("mongodb://127.0.0.1:" + settings.mongoPort(), "lead360_feedback");
            writeTo("mongodb://127.0.0.1:" + settings.analyticsMongoPort(), "lead360_analytics");
            // the autocommit has written the store files
            Thread.sleep(1500);

            assertOwnerOnly(data.resolve("mongodb-feedback"));
            assertOwnerOnly(data.resolve("mongodb-analytics"));
            assertThat(mode(data)).isEqualTo("rwx------");
            assertThat(mode(data.resolve("kafka"))).isEqualTo("rwx------");
        } finally {
            infra.stop();
        }
        // a stop rebuilds each store into a new file
        assertOwnerOnly(data.resolve("mongodb-feedback"));
        assertOwnerOnly(data.resolve("mongodb-analytics"));
    }

    private static void writeTo(String uri, String database) {
        try (MongoClient client = MongoClients.create(uri)) {
            var people = client.getDatabase(database).getCollection("people");
            for (int i = 0; i < 50; i++) {
                people.insertOne(new Document("_id", i).append("name", "person " + i));
            }
            people.updateMany(Filters.exists("name"), Updates.set("active", true));
        }
    }

    /** Every directory under {@code root} (itself included) 0700, every file 0600, and at least one store file. */
    private static void assertOwnerOnly(Path root) throws Exception {
        List<String> wrong = new ArrayList<>();
        int files = 0;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                boolean directory = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
                String expected = directory ? "rwx------" : "rw-------";
                if (!mode(path).equals(expected)) {
                    wrong.add(path + " is " + mode(path));
                }
                if (!directory && path.getFileName().toString().equals(EmbeddedMongo.STORE_FILE)) {
                    files++;
                }
            }
        }
        assertThat(wrong).as("modes under " + root).isEmpty();
        assertThat(files).as("store files under " + root).isEqualTo(1);
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }
}
