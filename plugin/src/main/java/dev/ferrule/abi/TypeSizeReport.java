package dev.ferrule.abi;

import dev.ferrule.abi.rustdoc.RustdocCrate.Item;
import dev.ferrule.util.Processes;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Layouts of the crate's types that no program outside the crate can name: {@code pub(crate)}
 * items, and public items in private modules without a {@code pub use}. A C caller sees them
 * all the same, so their layouts matter; the layout probe cannot name them, so the compiler's
 * own type-size report ({@code -Zprint-type-sizes}, unstable, so {@code RUSTC_BOOTSTRAP=1} is
 * set for this one child process) is read instead. It lists every type the crate's code lays
 * out, with each field's size and the padding between them, in memory order.
 */
final class TypeSizeReport {

    private static final Pattern TYPE = Pattern.compile("^print-type-size type: `(.+)`: (\\d+) bytes, alignment: (\\d+) bytes$");
    private static final Pattern FIELD = Pattern.compile(
            "^print-type-size\\s+field `\\.([^`]+)`: (\\d+) bytes(?:, offset: (\\d+) bytes)?.*$");
    private static final Pattern PADDING = Pattern.compile("^print-type-size\\s+padding: (\\d+) bytes$");
    private static final Pattern VARIANT = Pattern.compile("^print-type-size\\s+variant `.*$");

    private TypeSizeReport() {
    }

    /**
     * @param targetDir  a cargo target directory of its own: the crate is compiled again there
     *                   with the report switched on, which must not disturb the build's output
     * @return layouts by {@link AbiModelBuilder#layoutKey}, for the types the report listed
     */
    static Map<String, TypeLayout> measure(CargoInvocation cargo, Path targetDir, String crateName, List<Item> types)
            throws AbiException {
        if (types.isEmpty()) {
            return Map.of();
        }
        // A fresh cfg value makes cargo recompile the crate (not its dependencies) every time, so
        // the report is printed even when nothing changed since the last run.
        List<String> command = cargo.command("rustc", targetDir, "--message-format=json", "--crate-type", "rlib",
                "--", "-Zprint-type-sizes", "--cfg", "ferrule_type_sizes=\"" + System.nanoTime() + "\"");
        Processes.Result result = cargo.runUnstable(command, "cargo rustc -Zprint-type-sizes");
        Map<String, TypeLayout> listed = parse(result.stdout());
        Map<String, TypeLayout> layouts = new HashMap<>();
        for (Item item : types) {
            List<String> path = item.meta().path();
            // The report names types by their path inside the crate, without the crate's name.
            String inside = String.join("::", path.subList(path.get(0).equals(crateName) ? 1 : 0, path.size()));
            TypeLayout layout = listed.get(inside);
            if (layout != null) {
                layouts.put(AbiModelBuilder.layoutKey(item), layout);
            }
        }
        return layouts;
    }

    /** Every type of the report, by the name it prints; the first listing of a name wins. */
    static Map<String, TypeLayout> parse(String output) {
        Map<String, TypeLayout> layouts = new HashMap<>();
        String name = null;
        long size = 0;
        long align = 0;
        long position = 0;
        boolean inVariant = false;
        Map<String, Long> offsets = new LinkedHashMap<>();
        for (String line : (output + "\nprint-type-size type: `<end>`: 0 bytes, alignment: 1 bytes").split("\n")) {
            Matcher type = TYPE.matcher(line.strip());
            if (type.matches()) {
                if (name != null) {
                    layouts.putIfAbsent(name, new TypeLayout(size, align, offsets, Map.of()));
                }
                name = type.group(1);
                size = Long.parseLong(type.group(2));
                align = Long.parseLong(type.group(3));
                position = 0;
                inVariant = false;
                offsets = new LinkedHashMap<>();
                continue;
            }
            if (name == null) {
                continue;
            }
            if (VARIANT.matcher(line).matches()) {
                // Union members and enum payloads: each variant starts over at offset 0.
                inVariant = true;
                position = 0;
                continue;
            }
            Matcher padding = PADDING.matcher(line);
            if (padding.matches()) {
                position += Long.parseLong(padding.group(1));
                continue;
            }
            Matcher field = FIELD.matcher(line);
            if (field.matches()) {
                long offset = field.group(3) != null ? Long.parseLong(field.group(3)) : position;
                if (!inVariant) {
                    offsets.putIfAbsent(field.group(1), offset);
                }
                position = offset + Long.parseLong(field.group(2));
            }
        }
        return layouts;
    }
}
