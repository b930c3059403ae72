package io.lead360.analytics.cycle;

import io.lead360.events.Relationship;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A cycle as analytics knows it from the cycle events, with what their sealed parts said about
 * each subject.
 *
 * @param questionnaire null while only a later event (closed/released) has been seen
 * @param invitations   subject id to their invitations, from CycleOpened
 * @param tallies       subject id to their responses at the close, from CycleClosed (empty before)
 * @param releasedAt    null before release
 */
public record Cycle(
        String id,
        String name,
        int anonymityThreshold,
        CycleStatus status,
        Questionnaire questionnaire,
        Map<String, Invitations> invitations,
        Map<String, Tally> tallies,
        Instant releasedAt) {

    public Cycle {
        invitations = Map.copyOf(invitations);
        tallies = Map.copyOf(tallies);
    }

    public boolean hasSubject(String subjectId) {
        return invitations.containsKey(subjectId);
    }

    /** Every subject, in id order. */
    public List<String> subjectIds() {
        return invitations.keySet().stream().sorted().toList();
    }

    public Invitations invitationsFor(String subjectId) {
        return invitations.getOrDefault(subjectId, Invitations.NONE);
    }

    /** Empty until the cycle closed (and for a subject the close did not count). */
    public Optional<Tally> tallyFor(String subjectId) {
        return Optional.ofNullable(tallies.get(subjectId));
    }

    /**
     * @param invited                  relationship to number of invited raters
     * @param nominatedByAdministrator of those, how many an administrator nominated rather than the subject
     */
    public record Invitations(Map<Relationship, Integer> invited, Map<Relationship, Integer> nominatedByAdministrator) {

        public static final Invitations NONE = new Invitations(Map.of(), Map.of());

        public Invitations {
            invited = Map.copyOf(invited);
            nominatedByAdministrator = Map.copyOf(nominatedByAdministrator);
        }
    }

    /**
     * The close is a cut: exactly {@code responded} were accepted. {@code published} of them come
     * as FeedbackSubmitted; the rest, of an anonymous group that ended below the threshold, were
     * destroyed by feedback-service and never arrive.
     */
    public record Tally(Map<Relationship, Integer> responded, Map<Relationship, Integer> published) {

        public Tally {
            responded = Map.copyOf(responded);
            published = Map.copyOf(published);
        }
    }
}
