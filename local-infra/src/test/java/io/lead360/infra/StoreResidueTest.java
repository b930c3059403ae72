package io.lead360.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What was overwritten or deleted must not stay readable in the store's files. Each test writes unique
 * markers through the real MongoDB driver, checks that they reached the file (else the test would
 * prove nothing), supersedes them, and reads the raw bytes of every file under the data directory.
 */
class StoreResidueTest {

    private static final Duration LONG = Duration.ofHours(1);
    private static final int FILLER = 300;

    @TempDir
    Path dir;

    @Test
    void overwrittenAndDeletedDocumentsStayInTheFileUntilTheNextCompactionAndThenLeaveIt() throws Exception {
        EmbeddedMongo mongo = new EmbeddedMongo(dir, 0, LONG);
        Markers m = new Markers();
        try {
            mongo.start();
            try (MongoClient client = MongoClients.create(mongo.connectionString())) {
                MongoCollection<Document> answers = answers(client);
                writeMarkedDocuments(answers, m);
                awaitOnDisk(m.overwritten, m.deleted);

                supersede(answers, m);
                awaitOnDisk(m.replacement);
                Thread.sleep(2000);
                // H2 wrote the new versions; the old ones are still there (the log-structured store keeps them)
                assertThat(foundIn(dir, m.overwritten, m.deleted)).containsExactlyInAnyOrder(m.overwritten, m.deleted);

                long began = System.nanoTime();
                assertThat(mongo.compactNow()).isTrue();
                System.out.printf(
                        "compaction of %d bytes: %d ms%n", size(dir), (System.nanoTime() - began) / 1_000_000);

                assertThat(foundIn(dir, m.overwritten, m.deleted)).isEmpty();
                assertLiveDataIsIntact(answers, m);
                assertThat(mongo.compactNow())
                        .as("nothing changed since, nothing to rebuild")
                        .isFalse();
            }
        } finally {
            mongo.stop();
        }
    }

    @Test
    void thePeriodicCompactionRemovesThemWithinOneInterval() throws Exception {
        Duration interval = Duration.ofSeconds(2);
        EmbeddedMongo mongo = new EmbeddedMongo(dir, 0, interval);
        Markers m = new Markers();
        try {
            mongo.start();
            try (MongoClient client = MongoClients.create(mongo.connectionString())) {
                MongoCollection<Document> answers = answers(client);
                writeMarkedDocuments(answers, m);
                awaitOnDisk(m.overwritten, m.deleted);

                long superseded = System.nanoTime();
                supersede(answers, m);
                await().atMost(interval.plusSeconds(5))
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> foundIn(dir, m.overwritten, m.deleted).isEmpty());
                System.out.printf(
                        "markers gone %d ms after the update and delete (interval %s)%n",
                        (System.nanoTime() - superseded) / 1_000_000, interval);
                assertLiveDataIsIntact(answers, m);
            }
        } finally {
            mongo.stop();
        }
    }

    @Test
    void deletedAndChangedIndexKeysLeaveTheFileToo() throws Exception {
        EmbeddedMongo mongo = new EmbeddedMongo(dir, 0, LONG);
        int raters = 1500;
        List<String> oldRaters = new ArrayList<>();
        List<String> liveRaters = new ArrayList<>();
        try {
            mongo.start();
            try (MongoClient client = MongoClients.create(mongo.connectionString())) {
                MongoCollection<Document> requests = requests(client);
                requests.createIndex(Indexes.ascending("raterId"), new IndexOptions().unique(true));
                List<Document> batch = new ArrayList<>();
                for (int i = 0; i < raters; i++) {
                    String rater = marker("rater");
                    oldRaters.add(rater);
                    batch.add(new Document("_id", i).append("raterId", rater));
                }
                requests.insertMany(batch);
                awaitOnDisk(oldRaters.get(0), oldRaters.get(raters - 1));

                // every rater id changes (the index drops the old key), every other request is deleted
                for (int i = 0; i < raters; i++) {
                    if (i % 2 == 0) {
                        requests.deleteOne(Filters.eq("_id", i));
                    } else {
                        String rater = marker("rater");
                        liveRaters.add(rater);
                        requests.updateOne(Filters.eq("_id", i), Updates.set("raterId", rater));
                    }
                }
                awaitOnDisk(liveRaters.get(liveRaters.size() - 1));
                System.out.printf(
                        "old rater ids in the file before the compaction: %d of %d%n",
                        foundIn(dir, oldRaters.toArray(String[]::new)).size(), raters);

                assertThat(mongo.compactNow()).isTrue();

                assertThat(foundIn(dir, oldRaters.toArray(String[]::new))).isEmpty();
                assertThat(foundIn(dir, liveRaters.toArray(String[]::new))).hasSize(liveRaters.size());
                assertThat(requests.countDocuments()).isEqualTo(liveRaters.size());
                assertThat(requests.find(Filters.eq("raterId", liveRaters.get(0)))
                                .first())
                        .isNotNull();
            }
        } finally {
            mongo.stop();
        }
    }

    @Test
    void aCleanStopLeavesOnlyLiveEntriesInTheFileAndTheDataComesBack() throws Exception {
        EmbeddedMongo mongo = new EmbeddedMongo(dir, 0, LONG);
        Markers m = new Markers();
        try {
            mongo.start();
            try (MongoClient client = MongoClients.create(mongo.connectionString())) {
                MongoCollection<Document> answers = answers(client);
                writeMarkedDocuments(answers, m);
                awaitOnDisk(m.overwritten, m.deleted);
                supersede(answers, m);
            }

            mongo.stop();
            assertThat(foundIn(dir, m.overwritten, m.deleted)).isEmpty();
            assertThat(foundIn(dir, m.replacement)).hasSize(1);

            mongo.start();
            try (MongoClient client = MongoClients.create(mongo.connectionString())) {
                assertLiveDataIsIntact(answers(client), m);
            }
        } finally {
            mongo.stop();
        }
    }

    @Test
    void aCompactionWaitsForAnOpenCursorSoItsClientReadsItToTheEnd() throws Exception {
        EmbeddedMongo mongo = new EmbeddedMongo(dir, 0, LONG);
        Markers m = new Markers();
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            mongo.start();
            try (MongoClient client = MongoClients.create(mongo.connectionString())) {
                MongoCollection<Document> answers = answers(client);
                writeMarkedDocuments(answers, m);
                supersede(answers, m);
                int read = 0;
                Future<Boolean> compaction;
                try (MongoCursor<Document> cursor = answers.find().batchSize(10).iterator()) {
                    cursor.next();
                    read++;
                    compaction = background.submit(mongo::compactNow);
                    Thread.sleep(500);
                    assertThat(compaction).as("waits while the cursor is open").isNotDone();
                    while (cursor.hasNext()) {
                        cursor.next();
                        read++;
                    }
                }
                assertThat(read).isEqualTo(FILLER + 1);
                assertThat(compaction.get(30, TimeUnit.SECONDS)).isTrue();
                assertThat(foundIn(dir, m.overwritten, m.deleted)).isEmpty();
                assertLiveDataIsIntact(answers, m);
            }
        } finally {
            background.shutdownNow();
            mongo.stop();
        }
    }

    @Test
    void writesDuringCompactionsAreNeitherLostNorRefused() throws Exception {
        EmbeddedMongo mongo = new EmbeddedMongo(dir, 0, Duration.ofMillis(300));
        try {
            mongo.start();
            try (MongoClient client = MongoClients.create(mongo.connectionString())) {
                MongoCollection<Document> requests = requests(client);
                long until = System.nanoTime() + Duration.ofSeconds(6).toNanos();
                int written = 0;
                while (System.nanoTime() < until) {
                    requests.insertOne(new Document("_id", written).append("raterId", "rater-" + written));
                    requests.updateOne(Filters.eq("_id", written), Updates.set("state", "OPEN"));
                    written++;
                }
                long rebuilds = mongo.rebuilds();
                assertThat(rebuilds).as("rebuilds while writing").isGreaterThanOrEqualTo(5);
                assertThat(requests.countDocuments()).isEqualTo(written);
                assertThat(requests.countDocuments(Filters.eq("state", "OPEN"))).isEqualTo(written);
                System.out.printf("%d documents written and updated during 6 s with %d rebuilds%n", written, rebuilds);
            }
        } finally {
            mongo.stop();
        }
    }

    @Test
    void aStoreLeftByACrashIsRebuiltAtTheNextStart() throws Exception {
        // a store from before the compaction (or one that was killed) may hold old versions: plain H2 leaves them
        Path file = dir.resolve(EmbeddedMongo.STORE_FILE);
        Markers m = new Markers();
        de.bwaldvogel.mongo.MongoServer plain =
                new de.bwaldvogel.mongo.MongoServer(new de.bwaldvogel.mongo.backend.h2.H2Backend(file.toString()));
        try (MongoClient client =
                MongoClients.create("mongodb://127.0.0.1:" + plain.bind().getPort())) {
            MongoCollection<Document> answers = answers(client);
            writeMarkedDocuments(answers, m);
            awaitOnDisk(m.overwritten, m.deleted);
            supersede(answers, m);
            awaitOnDisk(m.replacement);
        } finally {
            plain.shutdown();
        }
        assertThat(foundIn(dir, m.overwritten, m.deleted))
                .as("plain H2 keeps them, even after a clean close")
                .hasSize(2);

        EmbeddedMongo mongo = new EmbeddedMongo(dir, 0, LONG);
        try {
            mongo.start();
            assertThat(foundIn(dir, m.overwritten, m.deleted)).isEmpty();
            try (MongoClient client = MongoClients.create(mongo.connectionString())) {
                assertLiveDataIsIntact(answers(client), m);
            }
        } finally {
            mongo.stop();
        }
    }

    /** One overwritten answer, one deleted answer, the replacement text, around filler documents. */
    private static final class Markers {
        final String overwritten = marker("overwritten");
        final String deleted = marker("deleted");
        final String replacement = marker("replacement");
    }

    private static MongoCollection<Document> answers(MongoClient client) {
        return client.getDatabase("lead360_analytics").getCollection("answers");
    }

    private static MongoCollection<Document> requests(MongoClient client) {
        return client.getDatabase("lead360_feedback").getCollection("requests");
    }

    private static long size(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            long total = 0;
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }

    private static void writeMarkedDocuments(MongoCollection<Document> answers, Markers m) {
        List<Document> filler = new ArrayList<>();
        for (int i = 0; i < FILLER; i++) {
            filler.add(new Document("_id", "filler-" + i).append("text", "an ordinary comment, number " + i));
        }
        answers.insertMany(filler.subList(0, FILLER / 2));
        answers.insertOne(new Document("_id", "a").append("text", "I think " + m.overwritten + " is right"));
        answers.insertOne(new Document("_id", "b").append("text", "and " + m.deleted + " too"));
        answers.insertMany(filler.subList(FILLER / 2, FILLER));
    }

    private static void supersede(MongoCollection<Document> answers, Markers m) {
        answers.updateOne(Filters.eq("_id", "a"), Updates.set("text", m.replacement));
        answers.deleteOne(Filters.eq("_id", "b"));
    }

    private static void assertLiveDataIsIntact(MongoCollection<Document> answers, Markers m) {
        Document overwritten = answers.find(Filters.eq("_id", "a")).first();
        assertThat(overwritten).isNotNull();
        assertThat(overwritten.getString("text")).isEqualTo(m.replacement);
        assertThat(answers.find(Filters.eq("_id", "b")).first()).isNull();
        assertThat(answers.countDocuments()).isEqualTo(FILLER + 1);
    }

    private void awaitOnDisk(String... markers) {
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> foundIn(dir, markers).size() == markers.length);
    }

    private static String marker(String what) {
        return what + "-" + UUID.randomUUID();
    }

    /** The markers that occur anywhere in the raw bytes of any file under {@code root}. */
    static Set<String> foundIn(Path root, String... markers) {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                try {
                    // ISO-8859-1 maps each byte to one char, so an ASCII marker matches its bytes exactly
                    all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                            .append('\n');
                } catch (NoSuchFileException renamed) {
                    // a rebuild's copy that has just become the store file (read as such, or next time)
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String bytes = all.toString();
        Set<String> found = new TreeSet<>();
        for (String marker : markers) {
            if (bytes.contains(marker)) {
                found.add(marker);
            }
        }
        return found;
    }
}
