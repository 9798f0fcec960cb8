package dev.ferrule.abi;

/** What the extractor can notice about an ABI, each with the fix it suggests. */
public enum FindingCode {
    FFI_UNSAFE_TYPE("a type with no C layout crosses the boundary",
            "use a #[repr(C)] type, a raw pointer, or a (pointer, length) pair instead"),
    EXPORT_WITHOUT_DECLARATION("the library exports a symbol that no Rust item of the crate declares",
            "it may come from a dependency, a build script or a linker flag; remove it or declare it"),
    DECLARED_NOT_EXPORTED("an item is marked #[no_mangle]/#[export_name] but the library does not export it",
            "check its cfg, its crate-type and the linker's version script"),
    RUST_ABI_EXPORT("an exported function uses the Rust ABI, which has no stable calling convention",
            "declare it extern \"C\""),
    NOT_REPR_C("a struct or enum is passed by value without a C representation",
            "add #[repr(C)] (or #[repr(u8)] etc. for fieldless enums), or pass it behind a pointer"),
    LAYOUT_UNAVAILABLE("the compiler could not be asked for this type's layout",
            "make the type reachable through public modules, or build for the host target"),
    UNRESOLVED_TYPE("a type from another crate could not be resolved to a C type",
            "build for the host target, or name the C type it stands for");

    private final String meaning;
    private final String fix;

    FindingCode(String meaning, String fix) {
        this.meaning = meaning;
        this.fix = fix;
    }

    public String meaning() {
        return meaning;
    }

    public String fix() {
        return fix;
    }
}
