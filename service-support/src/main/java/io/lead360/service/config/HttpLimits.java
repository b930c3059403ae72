package io.lead360.service.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code lead360.http}: request bodies above these sizes are refused with 413 before anything parses them,
 * in each service (applied by {@link ServiceConfiguration}) and at the gateway (the defaults live here only).
 *
 * @param maxBodySize       every request but the people import ({@code LEAD360_MAX_BODY_SIZE})
 * @param maxImportBodySize {@value #IMPORT_PATH}: a whole organisation in one file
 *                          ({@code LEAD360_MAX_IMPORT_BODY_SIZE})
 */
@ConfigurationProperties("lead360.http")
public record HttpLimits(
        @DefaultValue("256KB") DataSize maxBodySize,
        @DefaultValue("5MB") DataSize maxImportBodySize) {

    /** The one call that takes a larger body (feedback-service's people import). */
    public static final String IMPORT_PATH = "/api/people/import";
}
