package io.lead360.feedback.mail;

import io.lead360.feedback.config.FeedbackProperties;
import io.lead360.feedback.keys.DataKey;
import io.lead360.feedback.person.PersonService;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * One-click unsubscribe from reminders (RFC 8058): a reminder carries {@code List-Unsubscribe} with a link
 * that holds the person's id and a keyed signature of it, so that nobody can unsubscribe someone else;
 * the link does not expire (a mail may be read weeks later). The page in the mail's body asks before it
 * posts; mail clients post the header's link themselves.
 */
@Component
public class Unsubscribe {

    private final DataKey dataKey;
    private final PersonService people;
    private final String publicUrl;

    Unsubscribe(DataKey dataKey, PersonService people, FeedbackProperties properties) {
        this.dataKey = dataKey;
        this.people = people;
        this.publicUrl = properties.mail().publicUrl();
    }

    /** The token for the person's links. */
    String token(String personId) {
        return personId + "." + dataKey.token("unsubscribe|" + personId);
    }

    /** The page a person opens from the mail (it asks, then posts). */
    public String pageLink(String personId) {
        return publicUrl + "/#/unsubscribe?token=" + URLEncoder.encode(token(personId), StandardCharsets.UTF_8);
    }

    /** The headers of RFC 8058 for a reminder to the person. */
    public Map<String, String> headers(String personId) {
        return Map.of(
                "List-Unsubscribe",
                "<" + publicUrl + "/api/mail/unsubscribe?token="
                        + URLEncoder.encode(token(personId), StandardCharsets.UTF_8) + ">",
                "List-Unsubscribe-Post",
                "List-Unsubscribe=One-Click");
    }

    /** @return whether the token was good (the person gets no more reminders) */
    boolean unsubscribe(String token) {
        Optional<String> personId = verify(token);
        personId.ifPresent(id -> people.setReminders(id, false));
        return personId.isPresent();
    }

    private Optional<String> verify(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        int dot = token.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String personId = token.substring(0, dot);
        byte[] expected = dataKey.token("unsubscribe|" + personId).getBytes(StandardCharsets.UTF_8);
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, given) ? Optional.of(personId) : Optional.empty();
    }
}
