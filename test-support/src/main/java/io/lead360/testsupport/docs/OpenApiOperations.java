package io.lead360.testsupport.docs;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * What the three ApiDocsIT compare: the operations an OpenAPI document lists and the routes a service's handler
 * mappings serve, both as {@code "METHOD /path"}.
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
}
