package dev.ferrule.abi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferrule.util.AtomicFiles;
import dev.ferrule.util.Json;
import dev.ferrule.util.RecordCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Snapshot files: {@code src/main/abi/<lib>-<triple>[-<features>].abi.json}, committed next to
 * the code. One file per target and feature set; keys and lists in a fixed order; no timestamps
 * and no absolute paths, so a rerun on unchanged code rewrites the same bytes.
 */
public final class AbiSnapshots {

    public static final String EXTENSION = ".abi.json";

    /**
     * Schema 1 had no sections; it is read still, as a model without a binding, so a project
     * compares its old snapshots until it writes new ones.
     */
    private static final int OLDEST_READ = 1;

    /** The model's own fields; anything else in a snapshot is a section. */
    private static final Set<String> MODEL_FIELDS = Arrays.stream(AbiModel.class.getRecordComponents())
            .map(java.lang.reflect.RecordComponent::getName).collect(Collectors.toUnmodifiableSet());

    private AbiSnapshots() {
    }

    public static Path fileFor(Path abiDir, String snapshotName) {
        return abiDir.resolve(snapshotName + EXTENSION);
    }

    public static byte[] bytes(AbiModel model) {
        return bytes(model, Map.of());
    }

    /** The model's JSON, then each section under its name, in the order of their names. */
    public static byte[] bytes(AbiModel model, Map<String, ?> sections) {
        ObjectNode root = Json.mapper().valueToTree(model);
        new TreeMap<>(sections).forEach((name, section) -> root.set(name, Json.mapper().valueToTree(section)));
        return Json.prettyBytes(root);
    }

    /**
     * Writes a snapshot unless the file already holds the same bytes.
     *
     * @return true when the file was created or changed
     * @throws AbiException when the file holds a snapshot of a newer schema, which this Ferrule
     *                      would silently downgrade; {@link #write(Path, AbiModel, boolean)} forces it
     */
    public static boolean write(Path file, AbiModel model, Path stateDir) throws AbiException {
        return write(file, model, Map.of(), false, stateDir);
    }

    /**
     * As {@link #write(Path, AbiModel, Path)}, with sections beside the model (the binding of the
     * Java API); {@code overwriteNewer} replaces a newer schema's snapshot.
     *
     * @param sections  what else the snapshot records, by name, read back with {@link #readSection}
     * @param stateDir  Ferrule's state directory, where the temporary file goes: never src/main/abi
     */
    public static boolean write(Path file, AbiModel model, Map<String, ?> sections, boolean overwriteNewer,
            Path stateDir) throws AbiException {
        if (!overwriteNewer) {
            refuseDowngrade(file);
        }
        byte[] bytes = bytes(model, sections);
        try {
            if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
                return false;
            }
            AtomicFiles.write(file, bytes, stateDir);
            return true;
        } catch (IOException e) {
            throw new AbiException("Could not write the ABI snapshot " + file + ": " + e.getMessage(), e);
        }
    }

    /** A snapshot a newer Ferrule wrote would lose what this one does not know; refuse to replace it. */
    private static void refuseDowngrade(Path file) throws AbiException {
        if (!Files.isRegularFile(file)) {
            return;
        }
        JsonNode version;
        try {
            JsonNode root = Json.mapper().readTree(file.toFile());
            version = root == null ? null : root.path("schemaVersion");
        } catch (IOException e) {
            // An unreadable file holds nothing to keep; the new snapshot replaces it.
            return;
        }
        if (version != null && version.isInt() && version.asInt() > AbiModel.SCHEMA_VERSION) {
            throw new AbiException("ABI snapshot " + file + " has schema version " + version.asInt()
                    + ", newer than the version " + AbiModel.SCHEMA_VERSION + " this Ferrule writes; replacing it"
                    + " would drop what the newer Ferrule recorded. Upgrade ferrule-maven-plugin, or overwrite it"
                    + " on purpose with -Dferrule.snapshot.overwriteNewer=true.");
        }
    }

    public static AbiModel read(Path file) throws AbiException {
        ObjectNode root = readRoot(file);
        // Sections are read on their own; the model is what is left.
        List<String> sections = new ArrayList<>();
        root.fieldNames().forEachRemaining(name -> {
            if (!MODEL_FIELDS.contains(name)) {
                sections.add(name);
            }
        });
        root.remove(sections);
        AbiModel model;
        try {
            model = Json.mapper().treeToValue(root, AbiModel.class);
        } catch (IOException e) {
            throw new AbiException("ABI snapshot " + file + " does not match schema version "
                    + AbiModel.SCHEMA_VERSION + Json.where(e) + ": " + Json.problem(e) + ". Restore it from version"
                    + " control, or recreate it with `mvn ferrule:snapshot` and commit it.", e);
        }
        Optional<String> missing = RecordCheck.firstMissing(model);
        if (missing.isPresent()) {
            throw new AbiException("ABI snapshot " + file + " is incomplete: it has no `" + missing.get() + "`."
                    + " Restore it from version control, or recreate it with `mvn ferrule:snapshot` and commit it.");
        }
        return model;
    }

    /**
     * A section a snapshot records beside the model, such as the binding of the Java API; empty
     * when the snapshot has none (one written before sections were).
     *
     * @throws AbiException when the section is there but incomplete or of the wrong shape
     */
    public static <T> Optional<T> readSection(Path file, String name, Class<T> type) throws AbiException {
        JsonNode section = readRoot(file).get(name);
        if (section == null || section.isNull()) {
            return Optional.empty();
        }
        T value;
        try {
            value = Json.mapper().treeToValue(section, type);
        } catch (IOException e) {
            throw new AbiException("ABI snapshot " + file + ": its " + name + " does not match schema version "
                    + AbiModel.SCHEMA_VERSION + Json.where(e) + ": " + Json.problem(e) + ". Restore it from version"
                    + " control, or recreate it with `mvn ferrule:snapshot` and commit it.", e);
        }
        Optional<String> missing = RecordCheck.firstMissing(value);
        if (missing.isPresent()) {
            throw new AbiException("ABI snapshot " + file + " is incomplete: its " + name + " has no `"
                    + missing.get() + "`. Restore it from version control, or recreate it with `mvn ferrule:snapshot`"
                    + " and commit it.");
        }
        return Optional.of(value);
    }

    /** The snapshot's JSON, of a schema version this Ferrule reads. */
    private static ObjectNode readRoot(Path file) throws AbiException {
        JsonNode root;
        try {
            root = Json.mapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new AbiException("ABI snapshot " + file + " is not valid JSON (" + e.getMessage() + ")."
                    + " Restore it from version control, or recreate it with `mvn ferrule:snapshot`.", e);
        }
        JsonNode version = root == null ? null : root.path("schemaVersion");
        if (!(root instanceof ObjectNode object) || version == null || !version.isInt()) {
            throw new AbiException("ABI snapshot " + file + " has no schemaVersion; it was not written by Ferrule.");
        }
        if (version.asInt() < OLDEST_READ || version.asInt() > AbiModel.SCHEMA_VERSION) {
            throw new AbiException("ABI snapshot " + file + " has schema version " + version.asInt()
                    + ", but this Ferrule reads schema versions " + OLDEST_READ + " to " + AbiModel.SCHEMA_VERSION
                    + ". " + (version.asInt() > AbiModel.SCHEMA_VERSION
                            ? "It was written by a newer Ferrule; upgrade ferrule-maven-plugin."
                            : "Recreate it with `mvn ferrule:snapshot` and commit it."));
        }
        return object;
    }

    /** A few lines for people: counts, and each finding with its location. */
    public static String summary(String snapshotName, AbiModel model) {
        Map<AbiModel.TypeKind, Long> kinds = new TreeMap<>(model.types().stream()
                .collect(Collectors.groupingBy(AbiModel.AbiType::kind, Collectors.counting())));
        StringBuilder out = new StringBuilder()
                .append("ABI ").append(snapshotName).append(" (").append(model.crate().name()).append(' ')
                .append(model.crate().version()).append(", ").append(model.build().profile()).append(")\n")
                .append("  ").append(model.functions().size()).append(" functions, ")
                .append(model.statics().size()).append(" statics, ")
                .append(model.constants().size()).append(" constants, ")
                .append(model.types().size()).append(" types")
                .append(kinds.isEmpty() ? "" : kinds.entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", ", " (", ")")))
                .append('\n');
        long deprecated = model.functions().stream().filter(f -> f.deprecation() != null).count();
        if (deprecated > 0) {
            out.append("  ").append(deprecated).append(" deprecated functions\n");
        }
        if (!model.hiddenExports().isEmpty()) {
            out.append("  ").append(model.hiddenExports().size())
                    .append(" exported symbols with no Rust declaration\n");
        }
        out.append("  ").append(model.findings().size()).append(model.findings().size() == 1 ? " finding" : " findings")
                .append(model.findings().isEmpty() ? "\n" : ":\n");
        for (AbiModel.AbiFinding finding : model.findings()) {
            out.append("    ").append(finding.code()).append(' ')
                    .append(finding.location() == null ? finding.item() : finding.location().toString())
                    .append(": ").append(finding.message()).append('\n');
        }
        return out.toString();
    }
}
