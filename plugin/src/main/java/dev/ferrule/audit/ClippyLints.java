package dev.ferrule.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferrule.cargo.BuildOutcome;
import dev.ferrule.cargo.CargoBuildRequest;
import dev.ferrule.cargo.CargoPackage;
import dev.ferrule.util.Json;
import dev.ferrule.util.Processes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Runs {@code cargo clippy} on the library with a chosen set of FFI-related lints switched to
 * warn, and folds the diagnostics those lints produce in the crate's own files into findings.
 * Diagnostics of other lints are left to the crate's own clippy configuration.
 */
public final class ClippyLints {

    /**
     * rustc's and clippy's lints about C types, raw pointers and unsafe contracts. Left out on
     * purpose: {@code undocumented_unsafe_blocks} (too noisy for most crates; add it when wanted).
     */
    public static final List<String> DEFAULT_LINTS = List.of(
            "improper_ctypes",
            "improper_ctypes_definitions",
            "clippy::not_unsafe_ptr_arg_deref",
            "clippy::missing_safety_doc",
            "clippy::cast_ptr_alignment",
            "clippy::transmute_ptr_to_ref",
            "clippy::as_ptr_cast_mut",
            "clippy::mem_forget");

    private static final Pattern COMPILER_ERROR_CODE = Pattern.compile("E\\d{4}");

    /**
     * @param command  cargo and its arguments up to and including {@code clippy}'s own options;
     *                 this class adds the message format and the lint flags
     */
    public record Request(List<String> command, Path crateDir, Path workspaceRoot, Path manifest, List<String> lints,
            Map<String, String> env) {
    }

    private ClippyLints() {
    }

    /** clippy on the library the way the build compiled it: same manifest, features and profile. */
    public static Request request(BuildOutcome build, CargoBuildRequest buildRequest, Path targetDir,
            List<String> lints) {
        CargoPackage crate = build.crate();
        List<String> command = new ArrayList<>(List.of(build.toolchain().cargo().toString(), "clippy", "--lib",
                "--manifest-path", crate.manifestPath().toString(), "--profile", buildRequest.profile(),
                "--target-dir", targetDir.toString()));
        command.addAll(buildRequest.features().cargoArgs());
        if (crate.lockFile().isPresent()) {
            command.add("--locked");
        }
        return new Request(command, crate.manifestPath().getParent(), crate.workspaceRoot(), crate.manifestPath(),
                lints == null || lints.isEmpty() ? DEFAULT_LINTS : List.copyOf(lints), buildRequest.env());
    }

    public static List<AuditFinding> run(Request request, CrateSources sources) throws AuditException {
        List<String> command = new ArrayList<>(request.command());
        command.add("--message-format=json");
        command.add("--");
        for (String lint : request.lints()) {
            command.add("-W");
            command.add(lint);
        }
        Processes.Result result;
        try {
            result = Processes.run(command, request.crateDir(), request.env());
        } catch (IOException e) {
            throw new AuditException("Could not run cargo clippy: " + e.getMessage()
                    + ". Install it (rustup component add clippy), or set <clippy>false</clippy>.", e);
        }
        if (result.stderr().contains("no such command: `clippy`")
                || result.stderr().contains("is not installed for the toolchain")) {
            throw new AuditException("cargo clippy is not installed. Install it (rustup component add clippy), or"
                    + " set <clippy>false</clippy> to audit without it.");
        }
        return parse(result, request, sources);
    }

    /** Where one lint fired, at the place in the crate's own code that caused it. */
    private record Hit(String code, String message, String file, int lineStart, int lineEnd) {
    }

    static List<AuditFinding> parse(Processes.Result result, Request request, CrateSources sources)
            throws AuditException {
        Set<String> lints = Set.copyOf(request.lints());
        Set<Hit> hits = new LinkedHashSet<>();
        List<String> compileErrors = new ArrayList<>();
        Path manifest = request.manifest().toAbsolutePath().normalize();
        for (String line : result.stdout().split("\n")) {
            if (!line.startsWith("{")) {
                continue;
            }
            JsonNode message;
            try {
                message = Json.parse(line);
            } catch (IOException e) {
                continue;
            }
            if (!"compiler-message".equals(message.path("reason").asText())
                    || !Path.of(message.path("manifest_path").asText("/")).toAbsolutePath().normalize()
                            .equals(manifest)) {
                continue;
            }
            JsonNode diagnostic = message.path("message");
            String code = diagnostic.path("code").path("code").asText(null);
            if ("error".equals(diagnostic.path("level").asText())
                    && (code == null || COMPILER_ERROR_CODE.matcher(code).matches())) {
                compileErrors.add(diagnostic.path("rendered").asText(diagnostic.path("message").asText()));
                continue;
            }
            if (code == null || !lints.contains(code)) {
                continue;
            }
            for (JsonNode primary : diagnostic.path("spans")) {
                if (!primary.path("is_primary").asBoolean()) {
                    continue;
                }
                // In a function a macro wrote, the lint points into the macro; the outermost call
                // site is the place in the crate's code that the function comes from.
                JsonNode span = primary;
                while (span.path("expansion").path("span").isObject()) {
                    span = span.path("expansion").path("span");
                }
                Path file = request.workspaceRoot().resolve(span.path("file_name").asText()).normalize();
                if (!file.startsWith(request.crateDir())) {
                    continue;
                }
                hits.add(new Hit(code, diagnostic.path("message").asText(), request.crateDir().relativize(file)
                        .toString().replace('\\', '/'), span.path("line_start").asInt(),
                        span.path("line_end").asInt(span.path("line_start").asInt())));
            }
        }
        if (!compileErrors.isEmpty()) {
            throw new AuditException("cargo clippy could not compile the crate, so the audit cannot run its lints:\n"
                    + String.join("\n", compileErrors.subList(0, Math.min(3, compileErrors.size()))));
        }
        if (!result.succeeded() && hits.isEmpty()) {
            throw new AuditException("cargo clippy failed (exit " + result.exitCode() + "):\n"
                    + result.stderr().strip());
        }
        return perFunction(hits, sources);
    }

    /**
     * One finding per lint and function: a macro that writes fifty exports, or a function that
     * dereferences one pointer five times, is one thing to fix, not fifty.
     */
    private static List<AuditFinding> perFunction(Set<Hit> hits, CrateSources sources) {
        Map<String, List<Hit>> groups = new java.util.LinkedHashMap<>();
        Map<String, String> functions = new java.util.HashMap<>();
        for (Hit hit : hits) {
            // A function a macro writes from its arguments has no `fn` in the crate's own text; the
            // macro call it comes from names it instead.
            String function = sources.file(hit.file()).flatMap(source -> functionAt(source, hit)
                    .or(() -> source.macroInvokedAt(hit.lineStart()).map(m -> m + "! at line " + hit.lineStart())))
                    .orElse(null);
            String key = hit.code() + "|" + (function != null ? function : hit.file() + ":" + hit.lineStart());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(hit);
            functions.put(key, function);
        }
        List<AuditFinding> findings = new ArrayList<>();
        groups.forEach((key, group) -> {
            Hit first = group.get(0);
            String function = functions.get(key);
            String lines = group.stream().map(h -> String.valueOf(h.lineStart())).distinct()
                    .collect(java.util.stream.Collectors.joining(", "));
            findings.add(new AuditFinding(AuditRule.CLIPPY_FFI_LINT,
                    first.code() + (function == null ? "" : " (" + function + ")"),
                    AuditRule.CLIPPY_FFI_LINT.message("lint", first.code(), "message", first.message(), "times",
                            group.size() == 1 ? "" : " (" + group.size() + " times" + (function == null ? ""
                                    : " in " + function) + (lines.contains(",") ? ", lines " : ", line ") + lines
                                    + ")"), first.file(), first.lineStart()));
        });
        return List.copyOf(findings);
    }

    /** The function a lint's place belongs to: declared within it, or whose body holds it. */
    private static java.util.Optional<String> functionAt(RustSource source, Hit hit) {
        RustSource.FnDecl best = null;
        for (RustSource.FnDecl fn : source.functions()) {
            int declared = source.token(fn.nameIndex()).line();
            boolean declaredHere = declared >= hit.lineStart() && declared <= hit.lineEnd();
            boolean inBody = fn.bodyOpen() >= 0 && source.token(fn.bodyOpen()).line() <= hit.lineStart()
                    && hit.lineStart() <= source.token(fn.bodyClose()).line();
            if ((declaredHere || inBody) && (best == null || fn.nameIndex() > best.nameIndex())) {
                best = fn;
            }
        }
        return java.util.Optional.ofNullable(best).map(RustSource.FnDecl::name);
    }
}
