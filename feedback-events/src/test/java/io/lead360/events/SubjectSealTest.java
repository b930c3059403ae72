package io.lead360.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SubjectSealTest {

    private final byte[] key = SubjectSeal.newKey();
    private final UUID eventId = UUID.randomUUID();
    private final String context = SubjectSeal.context("FeedbackSubmitted", eventId, "c1", "s1");
    private final byte[] text = "{\"comments\":{\"start\":\"listen more\"}}".getBytes(StandardCharsets.UTF_8);

    @Test
    void opensWithTheSameKeyAndContext() {
        String sealed = SubjectSeal.seal(key, context, text);
        assertThat(SubjectSeal.open(key, context, sealed)).isEqualTo(text);
        assertThat(sealed).doesNotContain("listen").matches("[A-Za-z0-9_-]+");
    }

    @Test
    void sealingTheSameTextTwiceGivesDifferentTexts() {
        assertThat(SubjectSeal.seal(key, context, text)).isNotEqualTo(SubjectSeal.seal(key, context, text));
    }

    @Test
    void doesNotOpenWithAnotherKey() {
        String sealed = SubjectSeal.seal(key, context, text);
        assertThatThrownBy(() -> SubjectSeal.open(SubjectSeal.newKey(), context, sealed))
                .isInstanceOf(SubjectSeal.BrokenSealException.class);
    }

    @Test
    void doesNotOpenMovedToAnotherSubjectEventOrCycle() {
        String sealed = SubjectSeal.seal(key, context, text);
        for (String elsewhere : new String[] {
            SubjectSeal.context("FeedbackSubmitted", eventId, "c1", "s2"),
            SubjectSeal.context("FeedbackSubmitted", UUID.randomUUID(), "c1", "s1"),
            SubjectSeal.context("FeedbackSubmitted", eventId, "c2", "s1"),
            SubjectSeal.context("CycleClosed", eventId, "c1", "s1")
        }) {
            assertThatThrownBy(() -> SubjectSeal.open(key, elsewhere, sealed))
                    .isInstanceOf(SubjectSeal.BrokenSealException.class);
        }
    }

    @Test
    void doesNotOpenWhenAnyByteChanged() {
        String sealed = SubjectSeal.seal(key, context, text);
        for (int i = 0; i < sealed.length(); i++) {
            char c = sealed.charAt(i);
            String changed = sealed.substring(0, i) + (c == 'A' ? 'B' : 'A') + sealed.substring(i + 1);
            if (changed.equals(sealed)) {
                continue;
            }
            try {
                byte[] opened = SubjectSeal.open(key, context, changed);
                // the last character may carry unused padding bits of base64 only
                assertThat(i).isEqualTo(sealed.length() - 1);
                assertThat(opened).isEqualTo(text);
            } catch (SubjectSeal.BrokenSealException expected) {
                // changed bytes never open to anything else
            }
        }
    }

    @Test
    void garbageIsABrokenSealNotACrash() {
        for (String garbage : new String[] {null, "", "not base64!", "AAAA"}) {
            assertThatThrownBy(() -> SubjectSeal.open(key, context, garbage))
                    .isInstanceOf(SubjectSeal.BrokenSealException.class);
        }
    }

    @Test
    void refusesKeysOfTheWrongLength() {
        assertThatThrownBy(() -> SubjectSeal.seal(new byte[16], context, text))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
