package dev.ferrule.abi;

import dev.ferrule.abi.rustdoc.RustType;
import dev.ferrule.abi.rustdoc.RustdocCrate;
import dev.ferrule.abi.rustdoc.RustdocCrate.Item;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Boundary types that come from ferrule-ffi rather than from the crate itself. rustdoc JSON
 * describes only the documented crate's own items, so these are declared here, by their full
 * path; their layouts are still measured by the compiler like any other type.
 */
final class KnownExternalTypes {

    private static final RustType U8 = new RustType.Primitive("u8");
    private static final RustType USIZE = new RustType.Primitive("usize");
    private static final RustType I32 = new RustType.Primitive("i32");

    private static final Map<String, Item> TYPES = Map.of(
            "ferrule_ffi::memory::FfiBuffer", new RustdocCrate.Record(meta("FfiBuffer",
                    "Bytes Rust allocated for the host; release with the crate's buffer release export.", "C"),
                    false, List.of(
                            new RustdocCrate.Field("ptr", new RustType.RawPointer(true, U8), "Start of the bytes.",
                                    true),
                            new RustdocCrate.Field("len", USIZE, "Number of bytes.", true)), false),
            "ferrule_ffi::logging::LogCallback", new RustdocCrate.TypeAlias(meta("LogCallback",
                    "The host's log callback.", null), new RustType.FunctionPointer(new RustType.Signature("C", false,
                    false, false, List.of(
                            new RustType.Param("level", I32),
                            new RustType.Param("target", new RustType.RawPointer(false, U8)),
                            new RustType.Param("target_len", USIZE),
                            new RustType.Param("message", new RustType.RawPointer(false, U8)),
                            new RustType.Param("message_len", USIZE),
                            new RustType.Param("user_data", USIZE)), null))));

    private KnownExternalTypes() {
    }

    static Optional<Item> lookup(String fullPath) {
        return Optional.ofNullable(TYPES.get(fullPath));
    }

    private static RustdocCrate.Meta meta(String name, String docs, String repr) {
        return new RustdocCrate.Meta("ferrule_ffi::" + name, name, List.of("ferrule_ffi", name),
                "ferrule_ffi::" + name, docs, null, null, repr, null, null);
    }
}
