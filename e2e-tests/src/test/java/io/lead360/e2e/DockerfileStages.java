package io.lead360.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile read into its stages and instructions, enough for DockerComposeTest to check it without a
 * Docker engine: comments and the parser directive are dropped, continued lines joined.
 */
record DockerfileStages(List<String> globalArgs, List<Stage> stages) {

    private static final Pattern FROM =
            Pattern.compile("(?i)FROM\\s+(?:--platform=\\S+\\s+)?(\\S+)(?:\\s+AS\\s+(\\S+))?");

    record Instruction(String keyword, String arguments) {}

    record Stage(String image, String name, List<Instruction> instructions) {

        List<Instruction> all(String keyword) {
            return instructions.stream()
                    .filter(i -> i.keyword().equals(keyword))
                    .toList();
        }

        /** The user the stage's last USER instruction sets; root when there is none. */
        String user() {
            List<Instruction> users = all("USER");
            return users.isEmpty()
                    ? "root"
                    : users.get(users.size() - 1).arguments().split(":")[0];
        }
    }

    static DockerfileStages parse(String text) {
        List<String> globalArgs = new ArrayList<>();
        List<Stage> stages = new ArrayList<>();
        for (String line : logicalLines(text)) {
            String[] parts = line.split("\\s+", 2);
            String keyword = parts[0].toUpperCase(Locale.ROOT);
            String arguments = parts.length > 1 ? parts[1].strip() : "";
            if (keyword.equals("FROM")) {
                Matcher from = FROM.matcher(line);
                if (!from.matches()) {
                    throw new IllegalArgumentException("cannot read: " + line);
                }
                stages.add(new Stage(from.group(1), from.group(2), new ArrayList<>()));
            } else if (stages.isEmpty()) {
                if (keyword.equals("ARG")) {
                    globalArgs.add(arguments.split("=", 2)[0]);
                }
            } else {
                stages.get(stages.size() - 1).instructions().add(new Instruction(keyword, arguments));
            }
        }
        return new DockerfileStages(globalArgs, stages);
    }

    Stage last() {
        return stages.get(stages.size() - 1);
    }

    Stage stage(String name) {
        return stages.stream()
                .filter(s -> name.equals(s.name()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no stage " + name));
    }

    private static List<String> logicalLines(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.startsWith("#") || (line.isEmpty() && current.isEmpty())) {
                continue; // comments (and the "# syntax=" directive), also between continued lines
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            current.append(line);
            if (!current.toString().isBlank()) {
                lines.add(current.toString().strip());
            }
            current.setLength(0);
        }
        return lines;
    }
}
