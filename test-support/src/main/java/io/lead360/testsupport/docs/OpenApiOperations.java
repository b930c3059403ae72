package io.lead360.testsupport.docs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What the three ApiDocsIT compare: the operations an OpenAPI document lists and the routes a service's handler
 * mappings serve, both as {@code "METHOD /path"}, and the checks every lead360 document passes. Each check answers
 * what is wrong, one line a finding, so that a test asserts the list is empty and its failure names them all.
 */
public final class OpenApiOperations {

    /** The operation keys of an OpenAPI path item, in the document's spelling. */
    public static final List<String> HTTP_METHODS =
            List.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    private OpenApiOperations() {}

    /** "METHOD /path" → operation, for every operation of the document. */
    public static Map<String, JsonNode> operations(JsonNode document) {
        Map<String, JsonNode> operations = new TreeMap<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (String method : HTTP_METHODS) {
                if (path.getValue().has(method)) {
                    operations.put(
                            method.toUpperCase() + " " + path.getKey(),
                            path.getValue().get(method));
                }
            }
        }
        return operations;
    }

    /**
     * "METHOD /path" for one handler mapping (its methods, for example a RequestMethodsRequestCondition's, and its
     * patterns); a mapping without methods answers them all.
     */
    public static Set<String> routes(Collection<? extends Enum<?>> methods, Collection<String> patterns) {
        Collection<String> names = methods.isEmpty()
                ? HTTP_METHODS.stream().map(String::toUpperCase).toList()
                : methods.stream().map(Enum::name).toList();
        Set<String> routes = new TreeSet<>();
        for (String pattern : patterns) {
            for (String method : names) {
                routes.add(method + " " + pattern);
            }
        }
        return routes;
    }

    /** The {@code $ref} every error response of every lead360 document points at. */
    public static final String PROBLEM_REF = "#/components/schemas/Problem";

    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");

    /** The documented operations that no route serves. */
    public static List<String> unserved(JsonNode document, Set<String> served) {
        return operations(document).keySet().stream()
                .filter(operation -> !served.contains(operation))
                .toList();
    }

    /** The routes whose path is not left out by {@code notPublic} and which the document does not list. */
    public static List<String> undocumented(JsonNode document, Set<String> routes, Predicate<String> notPublic) {
        Set<String> documented = operations(document).keySet();
        return routes.stream()
                .filter(route -> !notPublic.test(route.substring(route.indexOf(' ') + 1)))
                .filter(route -> !documented.contains(route))
                .toList();
    }

    /** Operations without a summary, an operationId, a tag, or a description that says who may call them. */
    public static List<String> incomplete(JsonNode document) {
        List<String> incomplete = new ArrayList<>();
        operations(document).forEach((name, op) -> {
            if (op.path("summary").asString("").isBlank()
                    || op.path("operationId").asString("").isBlank()
                    || !op.path("description").asString("").contains("Who may call it: ")
                    || op.path("tags").isEmpty()) {
                incomplete.add(name + ": no summary, operationId, tag or who may call it");
            }
        });
        return incomplete;
    }

    /** Every 4xx and 5xx answer that is not {@code application/problem+json} with the Problem schema. */
    public static List<String> errorsThatAreNotProblems(JsonNode document) {
        List<String> wrong = new ArrayList<>();
        operations(document).forEach((name, op) -> {
            for (Map.Entry<String, JsonNode> response : op.path("responses").properties()) {
                boolean error =
                        response.getKey().startsWith("4") || response.getKey().startsWith("5");
                String schema = response.getValue()
                        .path("content")
                        .path("application/problem+json")
                        .path("schema")
                        .path("$ref")
                        .asString("");
                if (error && !PROBLEM_REF.equals(schema)) {
                    wrong.add(name + ": " + response.getKey() + " is not a problem");
                }
            }
        });
        return wrong;
    }

    /**
     * What the document's head must say: OpenAPI 3.1, the given title, the version the build filled in, the
     * project's licence, and one relative server (the gateway's address, whatever it is).
     */
    public static List<String> headProblems(JsonNode document, String title) {
        List<String> wrong = new ArrayList<>();
        JsonNode info = document.path("info");
        check(wrong, document.path("openapi").asString("").startsWith("3.1."), "openapi is not 3.1.x");
        check(wrong, title.equals(info.path("title").asString("")), "title is not " + title);
        check(wrong, VERSION.matcher(info.path("version").asString("")).matches(), "no version from the build");
        check(wrong, "Apache-2.0".equals(info.path("license").path("name").asString("")), "licence is not Apache-2.0");
        check(
                wrong,
                "https://www.apache.org/licenses/LICENSE-2.0"
                        .equals(info.path("license").path("url").asString("")),
                "licence has no link to its text");
        JsonNode servers = document.path("servers");
        check(
                wrong,
                servers.size() == 1 && "/".equals(servers.path(0).path("url").asString("")),
                "servers is not just the relative \"/\"");
        return wrong;
    }

    private static void check(List<String> wrong, boolean holds, String finding) {
        if (!holds) {
            wrong.add(finding);
        }
    }
}
