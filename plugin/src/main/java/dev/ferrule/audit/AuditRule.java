package dev.ferrule.audit;

import static dev.ferrule.report.Report.Level.ERROR;
import static dev.ferrule.report.Report.Level.NOTE;
import static dev.ferrule.report.Report.Level.WARNING;

import dev.ferrule.report.MessageTemplate;
import dev.ferrule.report.Report;
import java.util.Locale;

/**
 * Every rule {@code ferrule:audit} applies, with its level, what it reads, whether it is a
 * heuristic, its message template, why it matters and the fix. The whole rulebook reads on one
 * screen; per-run changes (suppressions, {@code failOn}, the clippy lint set) live in
 * configuration, never here. Each rule's pair of cases is named after it, in
 * {@code src/test/rust/audit/cases/<RULE>/}; {@code scripts/new-rule audit <RULE>} scaffolds one.
 *
 * <p>A heuristic rule reads the Rust source as tokens, not as a compiler would, so it can be
 * wrong both ways; its documentation page lists the known false positives.
 */
public enum AuditRule {

    // Exports: the AbiModel, with the source for how each export is written.
    EXPORT_UNGUARDED(Category.EXPORTS, ERROR, Basis.SOURCE, true,
            "an export can let a panic cross into the JVM",
            "{symbol} {how}",
            "A panic that unwinds out of an extern \"C\" function aborts the process, taking the JVM with it;"
                    + " Rust only turns it into a status code inside catch_unwind.",
            "write it as a #[ferrule_ffi::expose] function, declare it in ferrule_ffi::export! { ... }, or run"
                    + " its body in ferrule_ffi::guard / std::panic::catch_unwind and return a status"),
    PANIC_GUARD_ABORTS(Category.EXPORTS, ERROR, Basis.SOURCE, true,
            "a panic guard catches a panic and then aborts the process",
            "{guard} catches a panic (line {line}) and then calls {call}, which ends the JVM",
            "abort() or process::exit after catch_unwind ends the whole process, and inside a JVM that process is"
                    + " the JVM: every thread, open file and transaction dies with it, and the Java caller's"
                    + " try/catch never runs. An error status costs nothing more: unwinding has already dropped what"
                    + " the panicking call owned, so Rust is in the state any failed call leaves, and the caller can"
                    + " raise an exception, log it and carry on.",
            "return an error status from the guard (and keep the panic message for a last-error function) instead"
                    + " of aborting"),
    C_UNWIND_EXPORT(Category.EXPORTS, ERROR, Basis.MODEL, false,
            "an export is extern \"C-unwind\"",
            "{symbol} is extern \"{abi}\"",
            "\"C-unwind\" lets a Rust panic unwind into the caller's frames; JVM frames cannot be unwound"
                    + " by Rust, so the process crashes.",
            "declare it extern \"C\" and turn panics into a status code with the ferrule-ffi guard"),
    RUST_ABI_EXPORT(Category.EXPORTS, ERROR, Basis.MODEL, false,
            "an exported function uses the Rust ABI",
            "{finding}",
            "The Rust calling convention is unspecified and changes between compiler versions; FFM calls"
                    + " with the platform C convention.",
            "declare it extern \"C\""),
    FFI_UNSAFE_TYPE(Category.EXPORTS, ERROR, Basis.MODEL, false,
            "a type with no C layout is in an exported signature",
            "{finding}",
            "String, Vec, &str, slices, trait objects and tuples have no C layout; the caller and Rust disagree"
                    + " on what the bits mean.",
            "pass a #[repr(C)] type, a handle, or a (pointer, length) pair"),
    STRUCT_BY_VALUE_NOT_REPR_C(Category.EXPORTS, ERROR, Basis.MODEL, false,
            "a struct or enum is passed by value without repr(C)",
            "{finding}",
            "Without repr(C) the compiler may reorder fields and pick any size; the Java layout then reads"
                    + " the wrong bytes.",
            "add #[repr(C)] (or #[repr(i32)] etc. for fieldless enums), or pass it behind a handle"),
    RAW_POINTER_UNCHECKED(Category.EXPORTS, WARNING, Basis.SOURCE, true,
            "a raw pointer parameter is used without a null check",
            "`{param}: {type}` of {symbol} is used without a null check",
            "Java can pass MemorySegment.NULL for any pointer; dereferencing it is undefined behaviour, not an"
                    + " exception.",
            "list it in non_null(..), check is_null() first, or take Option<&T> / Option<NonNull<T>> so that the"
                    + " type carries the contract"),
    OWNED_RESULT_WITHOUT_RELEASE(Category.EXPORTS, ERROR, Basis.MODEL, false,
            "an export hands out an allocation that no export releases",
            "{symbol} hands out a {type} that no export takes back",
            "Rust owns what it allocates: memory returned as Box<T>, or as an FfiBuffer, needs exactly one"
                    + " release function, or every call leaks.",
            "export a release function that takes the Box<T> (or the FfiBuffer) back and drops it"),
    MUTABLE_STATIC_EXPORT(Category.EXPORTS, WARNING, Basis.MODEL, false,
            "a static mut is exported",
            "static mut {name} is exported; any thread on either side may write it",
            "Any thread on either side can write it with no synchronisation: a data race, which is undefined"
                    + " behaviour in Rust.",
            "export functions that read and write it through an atomic or a lock"),
    UNDOCUMENTED_EXPORT(Category.EXPORTS, WARNING, Basis.MODEL, false,
            "an export has no documentation",
            "{symbol} has no /// documentation",
            "The documented contract (ownership, nullability, errors) is what the safe Java layer and its"
                    + " users rely on; the generated Javadoc is empty without it.",
            "write a /// comment that says what it does, who owns what, and which errors it returns"),
    UNDECLARED_EXPORT(Category.EXPORTS, WARNING, Basis.MODEL, false,
            "the library exports a symbol no Rust item of the crate declares",
            "{finding}",
            "A dependency, build script or linker flag exports something the ABI snapshot cannot describe and"
                    + " nobody reviews.",
            "remove it, or declare it in the crate so it has a signature and docs"),
    PANIC_IN_EXPORT(Category.EXPORTS, WARNING, Basis.SOURCE, true,
            "an export body unwraps or panics",
            "{symbol} calls {call}",
            "The boundary contract is explicit error codes: a panic becomes the generic PANIC status with"
                    + " no typed error for Java to catch.",
            "return an error with ? (ok_or, map_err) instead of unwrap, expect or panic!"),

    // Strings and formatting.
    NUL_TERMINATED_STRING(Category.STRINGS, WARNING, Basis.SOURCE, false,
            "a string input is NUL-terminated",
            "{what}: a C string, read up to its NUL byte",
            "A C string cannot hold NUL, makes Rust scan for the length, and reads past the end when the caller"
                    + " forgets the terminator.",
            "take (pointer, length) and validate it with ferrule_ffi::memory::input_str"),
    FORMATTED_ERROR_MESSAGE(Category.STRINGS, WARNING, Basis.SOURCE, true,
            "an error message formats caller input or Debug output",
            "an error message {what}",
            "Error messages reach logs and exceptions: formatting untrusted input lets callers inject text,"
                    + " and {:?} of internal state can leak addresses, secrets or layout.",
            "use a fixed message, or name the argument without echoing its value"),

    // Cargo configuration.
    UNSAFE_DEFAULT_FEATURE(Category.CARGO, ERROR, Basis.CARGO, false,
            "an unsafe-* feature is on by default",
            "default features enable {feature}",
            "Default features reach every build, so a risky mode would ship without anyone choosing it.",
            "remove it from default = [..] and enable it on purpose where it is wanted"),
    PANIC_ABORT_WITH_UNWINDING(Category.CARGO, ERROR, Basis.CARGO, false,
            "panic = \"abort\" while the crate relies on catching panics",
            "profile {profile} aborts on panic, but the crate catches panics at its exports",
            "With panic = \"abort\" catch_unwind never runs: the ferrule-ffi guard cannot turn a panic into a"
                    + " status, and the JVM dies instead.",
            "remove panic = \"abort\" from the profile"),
    OVERFLOW_CHECKS_OFF(Category.CARGO, WARNING, Basis.CARGO, false,
            "integer overflow checks are off in release",
            "[profile.release] {state}",
            "Release builds wrap on overflow unless told otherwise; a wrapped length or index at the boundary"
                    + " becomes memory corruption instead of an error.",
            "set overflow-checks = true in [profile.release] of the workspace root"),

    // Secrets and dependencies.
    SECRET_NOT_ZEROIZED(Category.DEPENDENCIES, WARNING, Basis.SOURCE, true,
            "a secret is kept in a type that does not wipe it",
            "`{name}` holds {what} that is not wiped when dropped",
            "String and Vec<u8> leave their bytes in freed memory, where a crash dump or a later allocation"
                    + " can read them.",
            "hold it in ferrule_ffi::Secret (or another zeroizing type) and borrow the bytes only while needed"),
    GIT_DEPENDENCY(Category.DEPENDENCIES, WARNING, Basis.LOCKFILE, false,
            "a dependency comes from a git repository",
            "{name} {version} comes from {source}",
            "Git dependencies escape the registry's immutability and yanking, and builds depend on the"
                    + " repository staying reachable.",
            "depend on a published version, or vendor the crate"),
    PATH_DEPENDENCY(Category.DEPENDENCIES, WARNING, Basis.LOCKFILE, false,
            "a dependency comes from a path outside the project",
            "{name} comes from {path}, outside {root}",
            "A path outside the repository is not versioned with it: the release depends on whatever that"
                    + " directory holds on the build machine.",
            "move the crate into the repository, or depend on a published version"),
    DUPLICATE_DEPENDENCY(Category.DEPENDENCIES, NOTE, Basis.LOCKFILE, false,
            "two versions of one crate are linked",
            "{name} is locked at {count} versions: {versions}",
            "Each copy has its own statics and types: registries, allocators or loggers split in two, and the"
                    + " library grows.",
            "align the version requirements so one version satisfies all (cargo tree -d shows who pulls which)"),
    MISSING_CARGO_LOCK(Category.DEPENDENCIES, ERROR, Basis.CARGO, false,
            "a cdylib ships without a committed Cargo.lock",
            "{crate} builds a cdylib, but {lock} is not committed",
            "Without the lock file every build may resolve other dependency versions, so the shipped binary"
                    + " is not the one that was tested.",
            "commit Cargo.lock (cargo generate-lockfile) next to the workspace's Cargo.toml"),

    // Build hygiene.
    UNSAFE_OP_IN_UNSAFE_FN_ALLOWED(Category.HYGIENE, WARNING, Basis.CARGO, false,
            "unsafe operations in unsafe fns are not denied",
            "neither the crate root nor [lints.rust] denies unsafe_op_in_unsafe_fn",
            "Exports are unsafe fns; without the lint their whole body is an unsafe block, so each unsafe"
                    + " operation escapes review.",
            "add #![deny(unsafe_op_in_unsafe_fn)] to lib.rs, or unsafe_op_in_unsafe_fn = \"deny\" under"
                    + " [lints.rust]"),
    CLIPPY_FFI_LINT(Category.HYGIENE, WARNING, Basis.CLIPPY, false,
            "clippy reports an FFI-related lint",
            "{lint}: {message}{times}",
            "The chosen clippy and rustc lints catch pointer misuse, missing safety docs and improper C types"
                    + " that the other rules do not see.",
            "follow the lint's advice (its message links to its page), or allow it in the source with a reason"),

    // Suppressions themselves.
    SUPPRESSION_WITHOUT_REASON(Category.SUPPRESSIONS, ERROR, Basis.CONFIG, false,
            "a suppression gives no reason",
            "the suppression of {rules} gives no reason, so it is not applied",
            "A suppression is a decision someone has to be able to review later; without a reason it is"
                    + " ignored, and the finding stays.",
            "add the reason: // ferrule-audit: allow(RULE) reason, or \"reason\" in the suppressions file"),
    UNUSED_SUPPRESSION(Category.SUPPRESSIONS, NOTE, Basis.CONFIG, false,
            "a suppression matches no finding",
            "the suppression of {rules} matches no finding",
            "Stale suppressions hide the next real finding of the same rule.",
            "remove it"),
    // New rules go above this line; scripts/new-rule audit RULE writes one here, with its cases.
    ;

    /** Where a rule sits in the documentation. */
    public enum Category {
        EXPORTS("Exports"), STRINGS("Strings and formatting"), CARGO("Cargo configuration"),
        DEPENDENCIES("Secrets and dependencies"), HYGIENE("Build hygiene"), SUPPRESSIONS("Suppressions");

        private final String title;

        Category(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** What a rule reads. */
    public enum Basis {
        MODEL("the ABI model"), SOURCE("a token scan of the Rust source"), CARGO("Cargo.toml and cargo metadata"),
        LOCKFILE("Cargo.lock"), CLIPPY("cargo clippy's JSON diagnostics"), CONFIG("the suppressions");

        private final String description;

        Basis(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final Category category;
    private final Report.Level level;
    private final Basis basis;
    private final boolean heuristic;
    private final String title;
    private final String message;
    private final String rationale;
    private final String fix;

    AuditRule(Category category, Report.Level level, Basis basis, boolean heuristic, String title, String message,
            String rationale, String fix) {
        this.category = category;
        this.level = level;
        this.basis = basis;
        this.heuristic = heuristic;
        this.title = title;
        this.message = message;
        this.rationale = rationale;
        this.fix = fix;
    }

    public Category category() {
        return category;
    }

    public Report.Level level() {
        return level;
    }

    public Basis basis() {
        return basis;
    }

    public boolean heuristic() {
        return heuristic;
    }

    public String title() {
        return title;
    }

    /** The message template, with {@code {name}} placeholders each finding fills. */
    public String messageTemplate() {
        return message;
    }

    /**
     * The message of one finding: {@code values} are placeholder names and values, in pairs.
     *
     * @throws IllegalArgumentException when a placeholder has no value, or a value no placeholder
     */
    public String message(Object... values) {
        return MessageTemplate.fill(message, name(), values);
    }

    public String rationale() {
        return rationale;
    }

    public String fix() {
        return fix;
    }

    /** The anchor of the rule's section on the site's audit rule page. */
    public String helpAnchor() {
        return "audit-rules.html#" + name().toLowerCase(Locale.ROOT);
    }

    /** For heuristic rules, where the token scan is known to be wrong; null for exact rules. */
    public String knownLimits() {
        return switch (this) {
            case EXPORT_UNGUARDED -> "An export whose body calls a helper that wraps catch_unwind is reported unless"
                    + " the helper is a macro (list it in <guardMacros>) or a function named guard. A macro that"
                    + " generates the function is trusted when its macro_rules! body in this crate calls"
                    + " catch_unwind or guard(..), even if only some of its arms do.";
            case PANIC_GUARD_ABORTS -> "Read per macro_rules! body and per function body: an abort or"
                    + " process::exit after catch_unwind in the same body is reported, even on a path that does not"
                    + " follow a panic; one in a helper the guard calls is missed.";
            case RAW_POINTER_UNCHECKED -> "A null check done in a called function is seen only for ferrule-ffi's"
                    + " memory::input_bytes, input_str and write_out; a pointer checked by another helper, or"
                    + " never dereferenced, is reported. A check under the wrong condition counts as a check."
                    + " Void pointers (*mut c_void user data) are not reported: they cannot be dereferenced"
                    + " without a cast.";
            case PANIC_IN_EXPORT -> "unwrap() on a value that cannot fail (a constant Some, an infallible parse) is"
                    + " reported. Panics in functions the export calls are not seen.";
            case FORMATTED_ERROR_MESSAGE -> "Only messages built with format! directly inside"
                    + " FfiError::runtime_owned, set_last_error or last_error::set are read, and caller input is"
                    + " recognised by parameter name: a value derived from a parameter under another name is"
                    + " missed, and a parameter that is only a length or index is reported.";
            case SECRET_NOT_ZEROIZED -> "Names decide: token, secret, password, passphrase, api_key, private_key and"
                    + " credentials as whole words of a snake_case name. A lexer's `token: String` is reported;"
                    + " a secret under an innocent name is missed. Only String, Vec<u8>, Box<str>/Box<[u8]> and"
                    + " fresh copies (to_owned, to_vec, format!, ...) count as unwiped.";
            default -> null;
        };
    }
}
