package io.lead360.feedback.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

class StoredValuesTest {

    @Test
    void credentialsNeverLeaveAtAnyDepthAndTheRestIsPlain() {
        Instant when = Instant.parse("2026-03-01T10:15:30Z");
        ObjectId objectId = new ObjectId();
        Document stored = new Document("_id", "p1")
                .append("email", "e@x")
                .append("passwordHash", "{bcrypt}x")
                .append("deactivatedAt", Date.from(when))
                .append(
                        "sso",
                        new Document("subject", "s").append("clientSecret", "c").append("ref", objectId))
                .append("history", List.of(new Document("refreshTokenHash", "h").append("at", Date.from(when))));

        Map<String, Object> plain = StoredValues.withoutSecrets(stored);

        assertThat(plain).containsOnlyKeys("id", "email", "deactivatedAt", "sso", "history");
        assertThat(plain.get("id")).isEqualTo("p1");
        assertThat(plain.get("deactivatedAt")).isEqualTo(when);
        assertThat(plain.get("sso")).isEqualTo(Map.of("subject", "s", "ref", objectId.toHexString()));
        assertThat(plain.get("history")).isEqualTo(List.of(Map.of("at", when)));
    }

    @Test
    void aSessionIdIsShownOnlyByItsPrefix() {
        assertThat(StoredValues.idPrefix("0123456789abcdef")).isEqualTo("01234567…");
        assertThat(StoredValues.idPrefix("short")).isEqualTo("…");
    }
}
