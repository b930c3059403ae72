package io.lead360.feedback.person;

public record ImportResult(int created, int updated) {
}
