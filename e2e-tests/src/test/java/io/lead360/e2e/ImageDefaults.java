package io.lead360.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * What the stateful images of docker-compose.yml document about where they write their data
 * ({@code compose/image-defaults.yml}, with its sources), applied to a service's environment and command.
 */
final class ImageDefaults {

    private final Map<String, Map<String, Object>> images;

    private ImageDefaults(Map<String, Map<String, Object>> images) {
        this.images = images;
    }

    static ImageDefaults load() {
        try (InputStream in = ImageDefaults.class.getResourceAsStream("/compose/image-defaults.yml")) {
            return new ImageDefaults(new Yaml().load(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean describes(String image) {
        return images.containsKey(image);
    }

    /** The directories a container of {@code image} writes its data to, given its environment and command. */
    List<String> dataDirectories(String image, Map<String, String> environment, List<String> command) {
        Map<String, Object> facts = images.get(image);
        if (facts == null) {
            throw new IllegalArgumentException("compose/image-defaults.yml does not describe " + image);
        }
        return switch (String.valueOf(facts.get("kind"))) {
            case "kafka" -> kafka(facts, environment);
            case "mongodb" -> mongodb(facts, command);
            default -> throw new IllegalArgumentException("unknown kind of image: " + facts.get("kind"));
        };
    }

    @SuppressWarnings("unchecked")
    private static List<String> kafka(Map<String, Object> facts, Map<String, String> environment) {
        Map<String, String> properties = brokerProperties(facts, environment);
        if (properties.isEmpty()) {
            // the image falls back to its default configuration only when no KAFKA_* property is given
            properties = strings((Map<String, Object>) facts.get("default-configuration"));
        }
        Map<String, String> effective =
                new LinkedHashMap<>(strings((Map<String, Object>) facts.get("broker-defaults")));
        effective.putAll(properties);
        for (Object property : (List<Object>) facts.get("data-directory-properties")) {
            String value = effective.get(String.valueOf(property));
            if (value != null && !value.isBlank()) {
                return Arrays.stream(value.split(",")).map(String::strip).toList();
            }
        }
        throw new IllegalStateException("no data directory property is set, not even by the broker's defaults");
    }

    /** The broker properties the image makes of KAFKA_* variables (KafkaDockerWrapper.getServerConfigsFromEnv). */
    @SuppressWarnings("unchecked")
    static Map<String, String> brokerProperties(Map<String, Object> facts, Map<String, String> environment) {
        String prefix = String.valueOf(facts.get("environment-prefix"));
        List<Object> excluded = (List<Object>) facts.get("not-broker-properties");
        Map<String, String> properties = new LinkedHashMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith(prefix) && !excluded.contains(name)) {
                String property = name.substring(prefix.length())
                        .toLowerCase(Locale.ROOT)
                        .replace("_", ".")
                        .replace("...", "-")
                        .replace("..", "_");
                properties.put(property, value);
            }
        });
        return properties;
    }

    private static List<String> mongodb(Map<String, Object> facts, List<String> command) {
        String option = String.valueOf(facts.get("data-directory-option"));
        for (int i = 0; i < command.size(); i++) {
            if (command.get(i).equals(option) && i + 1 < command.size()) {
                return List.of(command.get(i + 1));
            }
            if (command.get(i).startsWith(option + "=")) {
                return List.of(command.get(i).substring(option.length() + 1));
            }
        }
        return List.of(String.valueOf(facts.get("default-data-directory")));
    }

    private static Map<String, String> strings(Map<String, Object> map) {
        Map<String, String> strings = new LinkedHashMap<>();
        map.forEach((k, v) -> strings.put(k, String.valueOf(v)));
        return strings;
    }

    /** Every image the description knows, for messages. */
    List<String> images() {
        return new ArrayList<>(images.keySet());
    }
}
