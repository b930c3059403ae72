package io.lead360.service;

import java.util.List;

/** Production mode found missing or unsafe secrets; the message names every one, so startup fails with all of them. */
public class ProductionModeException extends IllegalStateException {

    private final List<String> problems;

    public ProductionModeException(List<String> problems) {
        super("lead360 refuses to start in production mode (LEAD360_PRODUCTION=true):\n - "
                + String.join("\n - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
