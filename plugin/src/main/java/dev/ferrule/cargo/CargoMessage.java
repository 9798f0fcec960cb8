package dev.ferrule.cargo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferrule.util.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The lines of {@code cargo build --message-format=json} that Ferrule acts on. */
public sealed interface CargoMessage {

    /** A finished compilation unit and the files it produced. */
    record Artifact(String packageId, List<String> kinds, List<Path> filenames, List<String> features,
            boolean fresh) implements CargoMessage {
    }

    /** A rustc diagnostic; the location is the primary span, when rustc gives one. */
    record Diagnostic(String level, String code, String message, Optional<Location> location,
            String rendered) implements CargoMessage {

        public boolean isError() {
            return level.equals("error") || level.startsWith("error:");
        }

        /** One line that names the problem and where it is, for example {@code src/lib.rs:5:9: error[E0425]: ...}. */
        public String headline(Path displayRoot) {
            String where = location.map(l -> l.display(displayRoot) + ": ").orElse("");
            String label = code.isEmpty() ? level : level + "[" + code + "]";
            return where + label + ": " + message;
        }
    }

    /** A file position; {@code file} is absolute. */
    record Location(Path file, int line, int column) {
        public String display(Path displayRoot) {
            Path shown = file;
            if (displayRoot != null && file.startsWith(displayRoot)) {
                shown = displayRoot.relativize(file);
            }
            return shown.toString().replace('\\', '/') + ":" + line + ":" + column;
        }
    }

    /** Cargo's last word on the build. */
    record Finished(boolean success) implements CargoMessage {
    }

    /** A message Ferrule does not act on, such as build-script output. */
    record Other(String reason) implements CargoMessage {
    }

    /**
     * Parses one stdout line. Paths in diagnostics are relative to the workspace root, where cargo
     * runs rustc, so they are resolved against it.
     */
    static CargoMessage parse(String line, Path workspaceRoot) throws IOException {
        JsonNode json = Json.parse(line);
        String reason = json.path("reason").asText();
        switch (reason) {
            case "compiler-artifact" -> {
                List<Path> files = new ArrayList<>();
                json.path("filenames").forEach(f -> files.add(Path.of(f.asText())));
                return new Artifact(json.path("package_id").asText(), texts(json.path("target").path("kind")),
                        List.copyOf(files), texts(json.path("features")), json.path("fresh").asBoolean(false));
            }
            case "compiler-message" -> {
                JsonNode message = json.path("message");
                Optional<Location> location = Optional.empty();
                for (JsonNode span : message.path("spans")) {
                    if (span.path("is_primary").asBoolean(false)) {
                        location = Optional.of(new Location(
                                workspaceRoot.resolve(span.path("file_name").asText()).normalize(),
                                span.path("line_start").asInt(), span.path("column_start").asInt()));
                        break;
                    }
                }
                return new Diagnostic(message.path("level").asText(), message.path("code").path("code").asText(""),
                        message.path("message").asText(), location, message.path("rendered").asText(""));
            }
            case "build-finished" -> {
                return new Finished(json.path("success").asBoolean(false));
            }
            default -> {
                return new Other(reason);
            }
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return List.copyOf(values);
    }
}
