package io.lead360.service.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem+json answer from a servlet filter or security handler, before any controller runs. */
public final class ServletProblems {

    private ServletProblems() {}

    public static void write(
            HttpServletRequest request, HttpServletResponse response, JsonMapper jsonMapper, ProblemDetail problem)
            throws IOException {
        byte[] body = jsonMapper.writeValueAsBytes(Problems.body(problem, request.getRequestURI()));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(body);
    }
}
