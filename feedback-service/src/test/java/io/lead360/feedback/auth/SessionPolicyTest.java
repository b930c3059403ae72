package io.lead360.feedback.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SessionPolicyTest {

    private static final Instant T0 = Instant.parse("2026-03-02T23:30:00Z");
    private final SessionPolicy policy = new SessionPolicy(Duration.ofHours(12), Duration.ofHours(1));

    private SessionState started() {
        return policy.start("s1", "p1", "h1", T0);
    }

    @Test
    void aNewSessionLastsTwelveHoursAtMostAndOneHourIdleAndRemembersOnlyTheDay() {
        SessionState s = started();
        assertThat(s.expiresAt()).isEqualTo(T0.plus(Duration.ofHours(12)));
        assertThat(s.idleExpiresAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(s.createdOn()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(s.revoked()).isFalse();
        assertThat(s.previousRefreshHashes()).isEmpty();
    }

    @Test
    void aSessionEndsAfterAnHourWithoutRefresh() {
        SessionState s = started();
        assertThat(policy.isLive(s, T0.plus(Duration.ofMinutes(59)))).isTrue();
        assertThat(policy.isLive(s, T0.plus(Duration.ofHours(1)))).isFalse();
        assertThat(policy.decide(s, "h1", T0.plus(Duration.ofHours(1)))).isEqualTo(SessionPolicy.Refresh.ENDED);
    }

    @Test
    void refreshingRestartsTheIdleClockButNeverPassesTheAbsoluteExpiry() {
        SessionState s = started();
        for (int hour = 0; hour < 13; hour++) { // every 50 minutes, the last at 10:50
            Instant now = T0.plus(Duration.ofMinutes(50L * (hour + 1)));
            assertThat(policy.decide(s, s.refreshHash(), now)).isEqualTo(SessionPolicy.Refresh.ROTATE);
            s = policy.rotated(s, "h" + (hour + 2), now);
            assertThat(s.idleExpiresAt()).isEqualTo(min(now.plus(Duration.ofHours(1)), s.expiresAt()));
        }
        Instant late = T0.plus(Duration.ofHours(11).plusMinutes(30));
        s = policy.rotated(s, "late", late);
        assertThat(s.idleExpiresAt()).isEqualTo(T0.plus(Duration.ofHours(12)));
        assertThat(policy.isLive(s, T0.plus(Duration.ofHours(12)))).isFalse();
    }

    @Test
    void rotationSpendsTheOldTokenSoThatPresentingItAgainIsReuse() {
        SessionState s = policy.rotated(started(), "h2", T0.plusSeconds(60));
        assertThat(s.refreshHash()).isEqualTo("h2");
        assertThat(s.previousRefreshHashes()).containsExactly("h1");
        assertThat(policy.decide(s, "h1", T0.plusSeconds(61))).isEqualTo(SessionPolicy.Refresh.REUSED);
        assertThat(policy.decide(s, "h2", T0.plusSeconds(61))).isEqualTo(SessionPolicy.Refresh.ROTATE);
        assertThat(policy.decide(s, "unknown", T0.plusSeconds(61))).isNull();
    }

    @Test
    void aRevokedSessionIsNotLiveAndIsNeverRefreshed() {
        SessionState s = started();
        SessionState revoked = new SessionState(
                s.id(),
                s.personId(),
                s.refreshHash(),
                s.previousRefreshHashes(),
                s.createdOn(),
                s.expiresAt(),
                s.idleExpiresAt(),
                true);
        assertThat(policy.isLive(revoked, T0)).isFalse();
        assertThat(policy.decide(revoked, "h1", T0)).isEqualTo(SessionPolicy.Refresh.ENDED);
        assertThatThrownBy(() -> policy.rotated(revoked, "h2", T0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTokenCountsOnlyForThePersonWhoseSessionItNames() {
        assertThat(policy.isLiveFor(started(), "p1", T0)).isTrue();
        assertThat(policy.isLiveFor(started(), "p2", T0)).isFalse();
    }

    @Test
    void secretsAreLongRandomAndStoredOnlyAsTheirHash() {
        String token = Secrets.random();
        assertThat(token).matches("[A-Za-z0-9_-]{43}"); // 256 bits, base64url
        assertThat(Secrets.random()).isNotEqualTo(token);
        assertThat(Secrets.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
