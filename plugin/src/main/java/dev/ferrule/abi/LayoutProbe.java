package dev.ferrule.abi;

import dev.ferrule.abi.rustdoc.RustdocCrate;
import dev.ferrule.abi.rustdoc.RustdocCrate.Item;
import dev.ferrule.util.Json;
import dev.ferrule.util.Processes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Asks the compiler for layouts instead of computing C layout rules by hand. It compiles the crate
 * as an rlib, compiles a generated program that prints {@code size_of}, {@code align_of},
 * {@code offset_of!} and each variant's {@code as i128} for every type that crosses the boundary,
 * and runs it. The program runs on the build machine, so layouts are measured for the host target.
 */
final class LayoutProbe {

    private static final Set<String> KEYWORDS = Set.of("type", "match", "fn", "struct", "enum", "impl", "mod",
            "ref", "move", "loop", "where", "self", "use", "in", "as", "box", "const", "static", "trait", "dyn",
            "async", "await", "crate", "extern", "let", "mut", "pub", "return", "super", "unsafe", "while", "yield");

    private LayoutProbe() {
    }

    /**
     * Measures the nameable types and the C scalar names of a request. Types no program outside
     * the crate can name are left out; {@link TypeSizeReport} measures those.
     *
     * @param cargoTargetDir  the build's cargo target directory
     * @param builtRlib  the rlib the build already produced (crate-type includes rlib), or null to
     *                   build one just for the probe
     */
    static Measurements measure(CargoInvocation cargo, Path cargoTargetDir, Path workDir,
            AbiModelBuilder.LayoutRequest request, Path builtRlib) throws AbiException {
        List<Item> nameable = request.types().stream().filter(t -> t.meta().publicPath() != null).toList();
        if (nameable.isEmpty() && request.scalars().isEmpty()) {
            return new Measurements(Map.of(), Map.of(), null);
        }
        Path rlib = builtRlib != null && Files.isRegularFile(builtRlib) ? builtRlib
                // Its own target directory inside the build's: an rlib-only build of the same unit
                // would otherwise make cargo rebuild the cdylib on every run.
                : buildRlib(cargo, cargoTargetDir.resolve("ferrule-rlib"));
        Path probeDir = workDir.resolve("layout-probe");
        try {
            return probe(cargo, rlib, probeDir, nameable, request.scalars());
        } catch (AbiException e) {
            // A C name of another crate that the probe cannot name (a crate that does not
            // re-export it at its root) must not cost every other measurement; those names are
            // resolved from the target triple, or reported, instead.
            List<String> standard = request.scalars().stream().filter(LayoutProbe::standardPath).toList();
            if (standard.size() == request.scalars().size()) {
                throw e;
            }
            return probe(cargo, rlib, probeDir, nameable, standard);
        }
    }

    /** A scalar path only the standard library is needed for: a primitive, or core's. */
    private static boolean standardPath(String path) {
        return !path.contains("::") || path.startsWith("core::") || path.startsWith("std::");
    }

    private static Measurements probe(CargoInvocation cargo, Path rlib, Path probeDir, List<Item> types,
            List<String> scalars) throws AbiException {
        Path source = probeDir.resolve("probe.rs");
        Path binary = probeDir.resolve(System.getProperty("os.name", "").startsWith("Windows") ? "probe.exe" : "probe");
        try {
            Files.createDirectories(probeDir);
            Files.writeString(source, source(types, scalars), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AbiException("Could not write the layout probe to " + probeDir + ": " + e.getMessage(), e);
        }
        List<String> command = new ArrayList<>(List.of(cargo.rustc().toString(), "--edition", "2021",
                "--crate-type", "bin", "--crate-name", "ferrule_layout_probe", "--target", cargo.target(),
                "-C", "opt-level=0", "-A", "warnings", "-o", binary.toString(), source.toString(),
                "--extern", cargo.libName() + "=" + rlib, "-L", "dependency=" + rlib.getParent().resolve("deps")));
        for (String dependency : dependencyCrates(cargo.libName(), types, scalars)) {
            command.addAll(List.of("--extern", dependency + "=" + dependencyRlib(rlib, dependency)));
        }
        // With --target, cargo builds proc macros (ferrule-ffi's attributes) for the host, outside
        // the target's directory; rustc needs them to load the metadata of crates that use them.
        Path profileDir = rlib.getParent();
        Path hostDeps = profileDir.getParent().getParent().resolve(profileDir.getFileName()).resolve("deps");
        if (profileDir.getParent().getFileName().toString().equals(cargo.target()) && Files.isDirectory(hostDeps)) {
            command.addAll(List.of("-L", "dependency=" + hostDeps));
        }
        try {
            run(command, cargo, "compile the layout probe");
        } catch (AbiException e) {
            // A crate whose profile sets panic = "abort" links only into programs built the same way.
            if (!e.getMessage().contains("requires panic strategy `abort`")) {
                throw e;
            }
            command.addAll(List.of("-C", "panic=abort"));
            run(command, cargo, "compile the layout probe");
        }
        Processes.Result result = run(List.of(binary.toString()), cargo, "run the layout probe");
        return parse(result.stdout());
    }

    /** Crates other than the measured one whose types the probe names (ferrule_ffi's or libc's, say). */
    private static List<String> dependencyCrates(String libName, List<Item> types, List<String> scalars) {
        return Stream.concat(types.stream().map(t -> t.meta().publicPath()), scalars.stream())
                .filter(path -> path.contains("::"))
                .map(path -> path.substring(0, path.indexOf("::")))
                .filter(name -> !name.equals(libName) && !AbiModelBuilder.STANDARD_CRATES.contains(name)).distinct().sorted().toList();
    }

    private static Path dependencyRlib(Path rlib, String crate) throws AbiException {
        Path deps = rlib.getParent().resolve("deps");
        try (var files = Files.list(deps)) {
            return files.filter(p -> p.getFileName().toString().startsWith("lib" + crate + "-")
                            && p.getFileName().toString().endsWith(".rlib"))
                    .max(java.util.Comparator.comparingLong(p -> p.toFile().lastModified()))
                    .orElseThrow(() -> new AbiException("No rlib of " + crate + " in " + deps
                            + "; cannot measure its types' layouts."));
        } catch (IOException e) {
            throw new AbiException("Could not list " + deps + ": " + e.getMessage(), e);
        }
    }

    private static Path buildRlib(CargoInvocation cargo, Path targetDir) throws AbiException {
        Processes.Result result = run(cargo.command("rustc", targetDir, "--message-format=json", "--crate-type",
                "rlib"), cargo, "build " + cargo.libName() + " as an rlib for the layout probe");
        for (String line : result.stdout().split("\n")) {
            if (!line.contains("\"compiler-artifact\"")) {
                continue;
            }
            try {
                for (var file : Json.parse(line).path("filenames")) {
                    if (file.asText().endsWith("lib" + cargo.libName() + ".rlib")) {
                        return Path.of(file.asText());
                    }
                }
            } catch (IOException e) {
                throw new AbiException("cargo printed unreadable JSON while building the rlib: " + line, e);
            }
        }
        throw new AbiException("cargo reported no rlib for " + cargo.libName() + "; cannot measure layouts.");
    }

    /**
     * The probe program. Layouts are computed in const tables, so the compiler evaluates them once
     * and the program only prints; this keeps the probe fast to compile for thousands of types.
     * Each row is labelled with the type's definition path, and names the type by its public one.
     * A C scalar name is compared with each primitive by {@code TypeId}, which tells {@code i8}
     * from {@code u8} where sizes alone cannot.
     */
    static String source(List<Item> types, List<String> scalars) {
        StringBuilder sizes = new StringBuilder();
        StringBuilder offsets = new StringBuilder();
        StringBuilder variants = new StringBuilder();
        StringBuilder primitives = new StringBuilder();
        for (Item item : types) {
            String label = AbiModelBuilder.layoutKey(item);
            String path = item.meta().publicPath();
            sizes.append("    (\"").append(label).append("\", core::mem::size_of::<").append(path)
                    .append(">(), core::mem::align_of::<").append(path).append(">()),\n");
            if (item instanceof RustdocCrate.Record record && !record.union()) {
                for (RustdocCrate.Field field : record.fields()) {
                    if (field.visible()) {
                        offsets.append("    (\"").append(label).append("\", \"").append(field.name())
                                .append("\", core::mem::offset_of!(").append(path).append(", ")
                                .append(KEYWORDS.contains(field.name()) ? "r#" + field.name() : field.name())
                                .append(")),\n");
                    }
                }
            }
            if (item instanceof RustdocCrate.Enum enumeration
                    && enumeration.variants().stream().noneMatch(RustdocCrate.Variant::hasFields)) {
                for (RustdocCrate.Variant variant : enumeration.variants()) {
                    variants.append("    (\"").append(label).append("\", \"").append(variant.name()).append("\", ")
                            .append(path).append("::").append(variant.name()).append(" as i128),\n");
                }
            }
        }
        for (String scalar : scalars) {
            primitives.append("    (\"").append(scalar).append("\", primitive::<").append(scalar)
                    .append(">, core::mem::size_of::<").append(scalar).append(">(), core::mem::align_of::<")
                    .append(scalar).append(">()),\n");
        }
        return "// Generated by Ferrule: prints compiler-computed layouts. Do not edit.\n"
                + "#![allow(deprecated, unused)]\n"
                + "const SIZES: &[(&str, usize, usize)] = &[\n" + sizes + "];\n"
                + "const OFFSETS: &[(&str, &str, usize)] = &[\n" + offsets + "];\n"
                + "const VARIANTS: &[(&str, &str, i128)] = &[\n" + variants + "];\n"
                + "const SCALARS: &[(&str, fn() -> &'static str, usize, usize)] = &[\n" + primitives + "];\n"
                + "fn primitive<T: 'static>() -> &'static str {\n"
                + "    let id = core::any::TypeId::of::<T>();\n"
                + "    macro_rules! named {\n"
                + "        ($($p:ty),*) => { $(if id == core::any::TypeId::of::<$p>() { return stringify!($p); })* };\n"
                + "    }\n"
                + "    named!(i8, u8, i16, u16, i32, u32, i64, u64, isize, usize, f32, f64, bool);\n"
                + "    \"-\"\n"
                + "}\n"
                + "fn main() {\n"
                + "    for (path, size, align) in SIZES {\n"
                + "        println!(\"S\\t{path}\\t{size}\\t{align}\");\n"
                + "    }\n"
                + "    for (path, field, offset) in OFFSETS {\n"
                + "        println!(\"F\\t{path}\\t{field}\\t{offset}\");\n"
                + "    }\n"
                + "    for (path, variant, value) in VARIANTS {\n"
                + "        println!(\"V\\t{path}\\t{variant}\\t{value}\");\n"
                + "    }\n"
                + "    for (path, primitive, size, align) in SCALARS {\n"
                + "        println!(\"P\\t{path}\\t{}\\t{size}\\t{align}\", primitive());\n"
                + "    }\n"
                + "}\n";
    }

    static Measurements parse(String output) throws AbiException {
        Map<String, long[]> sizes = new HashMap<>();
        Map<String, Measurements.Scalar> scalars = new HashMap<>();
        Map<String, Map<String, Long>> offsets = new HashMap<>();
        Map<String, Map<String, Long>> discriminants = new HashMap<>();
        for (String line : output.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\t");
            try {
                switch (parts[0]) {
                    case "S" -> sizes.put(parts[1], new long[] {Long.parseLong(parts[2]), Long.parseLong(parts[3])});
                    case "F" -> offsets.computeIfAbsent(parts[1], k -> new HashMap<>()).put(parts[2],
                            Long.parseLong(parts[3]));
                    case "V" -> discriminants.computeIfAbsent(parts[1], k -> new HashMap<>()).put(parts[2],
                            Long.parseLong(parts[3]));
                    case "P" -> scalars.put(parts[1], new Measurements.Scalar(parts[2].equals("-") ? null : parts[2],
                            Long.parseLong(parts[3]), Long.parseLong(parts[4])));
                    default -> throw new AbiException("Unexpected layout probe output: " + line);
                }
            } catch (RuntimeException e) {
                throw new AbiException("Unreadable layout probe output: " + line, e);
            }
        }
        Map<String, TypeLayout> layouts = new HashMap<>();
        sizes.forEach((path, sa) -> layouts.put(path, new TypeLayout(sa[0], sa[1],
                offsets.getOrDefault(path, Map.of()), discriminants.getOrDefault(path, Map.of()))));
        return new Measurements(layouts, scalars, null);
    }

    private static Processes.Result run(List<String> command, CargoInvocation cargo, String what)
            throws AbiException {
        Processes.Result result;
        try {
            result = Processes.run(command, cargo.crateDir(), cargo.env());
        } catch (IOException e) {
            throw new AbiException("Could not " + what + ": " + e.getMessage(), e);
        }
        if (!result.succeeded()) {
            List<String> errors = new ArrayList<>(result.stderr().lines().filter(l -> l.startsWith("error"))
                    .limit(5).toList());
            throw new AbiException("Could not " + what + " (exit code " + result.exitCode() + "): "
                    + (errors.isEmpty() ? result.stderr().strip() : String.join("\n", errors)));
        }
        return result;
    }
}
