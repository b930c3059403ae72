package io.lead360.analytics.keys;

import io.lead360.events.SubjectSeal;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /internal/subject-keys} of feedback-service: the keys of the subjects asked for, and
 * which of them were erased (their keys destroyed); an id in neither is unknown there. Any answer
 * but a usable 200 is a {@link SubjectKeysUnavailableException}: it is never the events' fault.
 */
final class SubjectKeyClient {

    static final String PATH = "/internal/subject-keys";

    private final RestClient http;
    private final ServiceToken token;
    private final JsonMapper json;

    /** @param observations times each call ({@code http.client.requests}) and passes the trace on to feedback-service */
    SubjectKeyClient(
            URI feedbackUri,
            Duration connectTimeout,
            Duration responseTimeout,
            ServiceToken token,
            JsonMapper json,
            ObservationRegistry observations) {
        var requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
        requests.setReadTimeout(responseTimeout);
        this.http = RestClient.builder()
                .baseUrl(feedbackUri.toString())
                .requestFactory(requests)
                .observationRegistry(observations)
                .build();
        this.token = token;
        this.json = json;
    }

    /** What feedback-service knows of the subjects; one call, at most its limit of ids. */
    Answer fetch(List<String> subjectIds) {
        byte[] body;
        try {
            body = http.post()
                    .uri(PATH)
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .headers(h -> h.setBearerAuth(token.value()))
                    .body(json.writeValueAsBytes(Map.of("subjectIds", subjectIds)))
                    .retrieve()
                    .body(byte[].class);
        } catch (RestClientResponseException e) {
            // not chained: the exception's message quotes the answer's body
            throw new SubjectKeysUnavailableException("feedback-service's key endpoint answered "
                    + e.getStatusCode().value());
        } catch (ResourceAccessException e) {
            throw new SubjectKeysUnavailableException("feedback-service's key endpoint is unreachable or too slow", e);
        } catch (RestClientException e) {
            throw new SubjectKeysUnavailableException(
                    "feedback-service's key endpoint failed: " + e.getClass().getSimpleName());
        }
        return parse(body, Set.copyOf(subjectIds));
    }

    private Answer parse(byte[] body, Set<String> asked) {
        Body answer;
        try {
            answer = body == null ? null : json.readValue(body, Body.class);
        } catch (JacksonException e) {
            // never chained nor quoted: the body holds keys
            throw new SubjectKeysUnavailableException("feedback-service's key endpoint answered no readable JSON");
        }
        if (answer == null || answer.keys() == null) {
            throw new SubjectKeysUnavailableException("feedback-service's key endpoint answered without keys");
        }
        var keys = new HashMap<String, byte[]>();
        answer.keys().forEach((subjectId, encoded) -> {
            if (asked.contains(subjectId)) {
                keys.put(subjectId, decode(encoded));
            }
        });
        var erased = new HashSet<String>();
        for (String subjectId : answer.erased() == null ? List.<String>of() : answer.erased()) {
            if (asked.contains(subjectId)) {
                if (keys.containsKey(subjectId)) {
                    throw new SubjectKeysUnavailableException(
                            "feedback-service's key endpoint called a subject both erased and keyed");
                }
                erased.add(subjectId);
            }
        }
        return new Answer(keys, erased);
    }

    private static byte[] decode(String encoded) {
        byte[] key;
        try {
            key = Base64.getUrlDecoder().decode(encoded == null ? "" : encoded);
        } catch (IllegalArgumentException e) {
            throw new SubjectKeysUnavailableException(
                    "feedback-service's key endpoint answered a key that is not base64");
        }
        if (key.length != SubjectSeal.KEY_BYTES) {
            throw new SubjectKeysUnavailableException("feedback-service's key endpoint answered a key of " + key.length
                    + " bytes instead of " + SubjectSeal.KEY_BYTES);
        }
        return key;
    }

    /** The endpoint's JSON. */
    record Body(Map<String, String> keys, List<String> erased) {}

    /** @param keys subject id to its 32-byte key; @param erased ids whose keys are destroyed */
    record Answer(Map<String, byte[]> keys, Set<String> erased) {}
}
