package io.lead360.feedback.mail;

import java.util.Map;

/** A message ready to send: subject, plain text and HTML, and extra headers (e.g. List-Unsubscribe). */
public record RenderedMail(String subject, String text, String html, Map<String, String> headers) {

    public RenderedMail {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
}
