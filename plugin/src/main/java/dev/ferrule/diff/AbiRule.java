package dev.ferrule.diff;

import static dev.ferrule.diff.AbiRule.Category.CALLBACK;
import static dev.ferrule.diff.AbiRule.Category.CONSTANT;
import static dev.ferrule.diff.AbiRule.Category.ENUM;
import static dev.ferrule.diff.AbiRule.Category.ERROR;
import static dev.ferrule.diff.AbiRule.Category.FUNCTION;
import static dev.ferrule.diff.AbiRule.Category.JAVA;
import static dev.ferrule.diff.AbiRule.Category.STATIC;
import static dev.ferrule.diff.AbiRule.Category.SYMBOL;
import static dev.ferrule.diff.AbiRule.Category.TYPE;
import static dev.ferrule.diff.Compat.on;
import static dev.ferrule.diff.SemverLevel.MAJOR;
import static dev.ferrule.diff.SemverLevel.MINOR;
import static dev.ferrule.diff.SemverLevel.PATCH;
import static dev.ferrule.diff.Severity.BREAKING;
import static dev.ferrule.diff.Severity.COMPATIBLE;
import static dev.ferrule.diff.Severity.POTENTIALLY_BREAKING;

import dev.ferrule.report.MessageTemplate;
import java.util.Locale;
import java.util.Set;

/**
 * Every kind of difference check-abi reports, rated on two axes, each with the release it needs:
 * <b>binary</b>, the C ABI that compiled bindings and C callers use, and <b>Java source</b>, the
 * generated Java API that code is written against and compiles against once the bindings are
 * regenerated. Each rule carries its message template ({@code {name}} placeholders filled by the
 * differ), the fix, and why it is rated so. The whole rulebook reads on one screen; the values are
 * fixed, and per-run changes (acceptances, {@code failOn}) live in configuration, never here.
 *
 * <p>A rule's corpus cases are named after it: {@code src/test/rust/abi-corpus/src/cases/<RULE>/}
 * for the C ABI, {@code src/test/rust/binding-corpus/src/cases/<RULE>/} for the Java API and the
 * crate's errors. {@code scripts/new-rule abi <RULE>} scaffolds an entry, its cases and its docs.
 */
public enum AbiRule {

    // Functions
    FN_REMOVED(FUNCTION, on(BREAKING, MAJOR), on(BREAKING, MAJOR), "an exported function was removed",
            "'{symbol}' is no longer exported",
            "restore it, or deprecate it for a release before removing it",
            "Java bindings look the symbol up at class initialisation; the lookup fails and every call breaks."),
    FN_ADDED(FUNCTION, on(COMPATIBLE, MINOR), on(COMPATIBLE, MINOR), "a function was exported",
            "'{symbol}' is newly exported",
            "none needed; regenerate the bindings to use it",
            "Existing bindings never look it up."),
    SYMBOL_RENAMED(FUNCTION, on(BREAKING, MAJOR), on(BREAKING, MAJOR),
            "a function kept its Rust name but exports another symbol",
            "`{path}` is now exported as '{now}' instead of '{was}'",
            "keep the old #[export_name], or export both names for a release",
            "Bindings find functions by symbol; the old symbol is gone, and the Java methods named after it too."),
    FN_PARAM_COUNT_CHANGED(FUNCTION, on(BREAKING, MAJOR), on(BREAKING, MAJOR),
            "a function takes a different number of parameters",
            "{was} parameters -> {now} ({wasSignature} -> {nowSignature})",
            "add a new function with the new signature and deprecate the old one",
            "The downcall handle's descriptor no longer matches; arguments land in the wrong registers."),
    FN_PARAM_TYPE_CHANGED(FUNCTION, on(BREAKING, MAJOR), on(BREAKING, MAJOR), "a parameter has a different C type",
            "parameter '{param}': {types} ({wasRust} -> {nowRust})",
            "add a new function with the new signature and deprecate the old one",
            "The caller passes the old type's bits; the callee reads them as the new type."),
    FN_PARAM_RENAMED(FUNCTION, on(COMPATIBLE, PATCH), on(COMPATIBLE, PATCH), "a parameter was renamed",
            "parameter {position} renamed '{was}' -> '{now}'",
            "none needed",
            "Names do not exist in the C ABI, and Java parameter names are not API; a rename that changes a"
                    + " mapping (name_len to len makes a String a byte[]) is reported as JAVA_PARAMETERS_CHANGED."),
    FN_RETURN_TYPE_CHANGED(FUNCTION, on(BREAKING, MAJOR), on(BREAKING, MAJOR), "a function returns a different C type",
            "returns {types}",
            "add a new function with the new return type and deprecate the old one",
            "The caller reads the result with the old type's width and meaning."),
    FN_VARIADIC_CHANGED(FUNCTION, on(BREAKING, MAJOR), on(BREAKING, MAJOR),
            "a function became variadic or stopped being variadic",
            "{change}",
            "keep the calling convention; add a new function instead",
            "Variadic calls use a different calling sequence on most platforms, and are not bound at all."),
    FN_ABI_CHANGED(FUNCTION, on(BREAKING, MAJOR), on(BREAKING, MAJOR), "a function's calling convention changed",
            "calling convention {was} -> {now}",
            "keep extern \"C\"",
            "FFM downcalls use the platform C convention; anything else corrupts the call, and is not bound."),
    UNWIND_ABI_CHANGED(FUNCTION, on(BREAKING, MAJOR), on(COMPATIBLE, PATCH),
            "a function switched between \"C\" and \"C-unwind\"",
            "extern \"{was}\" -> extern \"{now}\"",
            "keep extern \"C\" and turn panics into status codes",
            "A panic unwinding into a JVM frame crashes the JVM; callers built for one mode are wrong for the other."),
    FN_SAFETY_CHANGED(FUNCTION, on(COMPATIBLE, PATCH), on(COMPATIBLE, PATCH),
            "a function became unsafe or safe in Rust",
            "{change}",
            "none needed for the C ABI",
            "unsafe only constrains Rust callers; Java bindings are unaffected."),
    FN_DEPRECATED(FUNCTION, on(COMPATIBLE, MINOR), on(COMPATIBLE, MINOR), "a function was deprecated",
            "deprecated{note}",
            "none needed; callers should migrate before it is removed",
            "Generated Java gains @Deprecated; code still compiles and runs."),
    FN_UNDEPRECATED(FUNCTION, on(COMPATIBLE, PATCH), on(COMPATIBLE, PATCH), "a function is no longer deprecated",
            "no longer deprecated",
            "none needed",
            "Removing @Deprecated breaks nothing."),
    FN_CFG_CHANGED(FUNCTION, on(POTENTIALLY_BREAKING, MAJOR), on(POTENTIALLY_BREAKING, MAJOR),
            "the cfg or feature gating a function changed",
            "gated by {was} -> {now}",
            "keep the gate, or make sure release builds enable the same features",
            "A build with other features may no longer export it."),
    NULLABILITY_NARROWED(FUNCTION, on(BREAKING, MAJOR), on(COMPATIBLE, PATCH),
            "a parameter that accepted null no longer does",
            "parameter '{param}' no longer accepts null ({wasRust} -> {nowRust})",
            "keep Option<..> on the parameter",
            "Java callers that pass null now hand Rust a null where it assumes a valid pointer."),
    NULLABILITY_WIDENED(FUNCTION, on(COMPATIBLE, MINOR), on(COMPATIBLE, MINOR), "a parameter now accepts null",
            "parameter '{param}' now accepts null ({wasRust} -> {nowRust})",
            "none needed",
            "Every previous call still passes a valid pointer."),
    RETURN_NULLABILITY_WIDENED(FUNCTION, on(POTENTIALLY_BREAKING, MAJOR), on(COMPATIBLE, PATCH),
            "a function may now return null",
            "may now return null ({wasRust} -> {nowRust})",
            "return a status code for the empty case, or keep the result non-null",
            "Callers that never checked for null dereference it."),
    RETURN_NULLABILITY_NARROWED(FUNCTION, on(COMPATIBLE, PATCH), on(COMPATIBLE, PATCH),
            "a function no longer returns null",
            "no longer returns null ({wasRust} -> {nowRust})",
            "none needed",
            "Existing null checks become dead code."),
    OWNERSHIP_CHANGED(FUNCTION, on(BREAKING, MAJOR), on(COMPATIBLE, PATCH),
            "who owns a pointer changed (owned, borrowed or raw)",
            "{was} -> {now} ({wasRust} -> {nowRust})",
            "keep the ownership contract; add a new function for the new one",
            "An owned result that became borrowed is freed twice; a borrowed one that became owned leaks."),
    POINTER_CONSTNESS_CHANGED(FUNCTION, on(COMPATIBLE, PATCH), on(COMPATIBLE, PATCH),
            "a pointer (parameter, result, field or static) changed between *const and *mut",
            "{what}: {was} -> {now} ({wasRust} -> {nowRust})",
            "none needed for the ABI; if Rust now writes through a pointer it only read, say so in its docs",
            "const is not part of the C calling convention: the same address travels in the same register, and"
                    + " FFM binds both as a MemorySegment (ADDRESS), so the raw Java binding does not change."
                    + " A *const that became *mut lets Rust write through memory a Java caller may share."),

    // Types
    TYPE_REMOVED(TYPE, on(BREAKING, MAJOR), on(BREAKING, MAJOR), "a type no longer crosses the boundary",
            "`{path}` no longer crosses the boundary",
            "keep the type, or remove it together with every function that uses it in a major release",
            "Generated classes for it disappear, and so does the code that used them."),
    TYPE_ADDED(TYPE, on(COMPATIBLE, MINOR), on(COMPATIBLE, MINOR), "a new type crosses the boundary",
            "`{path}` now crosses the boundary",
            "none needed",
            "Existing bindings do not refer to it."),
    TYPE_KIND_CHANGED(TYPE, on(BREAKING, MAJOR), on(BREAKING, MAJOR),
            "a type changed between struct, union, enum and callback",
            "{was} -> {now}",
            "introduce a new type instead",
            "The generated Java type changes kind, and the memory layout with it."),
    TYPE_EXPOSURE_CHANGED(TYPE, on(COMPATIBLE, MINOR), on(COMPATIBLE, MINOR),
            "a type is now used by value, or only behind pointers",
            "{was} -> {now}",
            "none needed",
            "Opaque handles and by-value views are generated side by side; existing code keeps working."),
    REPR_C_REMOVED(TYPE, on(BREAKING, MAJOR), on(COMPATIBLE, PATCH), "a type lost #[repr(C)]",
            "repr({was}) -> repr({now})",
            "restore #[repr(C)]",
            "Without it, Rust may reorder fields; the layout Java was generated from no longer holds."),
    REPR_CHANGED(TYPE, on(BREAKING, MAJOR), on(COMPATIBLE, PATCH), "a type's repr changed (packed, align, transparent)",
            "repr({was}) -> repr({now})",
            "restore the previous repr",
            "Padding and alignment change, so every field offset may move."),
    STRUCT_SIZE_CHANGED(TYPE, on(BREAKING, MAJOR), on(COMPATIBLE, PATCH), "a struct or union changed size",
            "size {was} -> {now} bytes",
            "keep the size; add a new type for the new layout",
            "Arrays, by-value passing and Java-allocated instances all use the old size."),
    STRUCT_ALIGN_CHANGED(TYPE, on(BREAKING, MAJOR), on(COMPATIBLE, PATCH), "a struct or union changed alignment",
            "alignment {was} -> {now} bytes",
            "keep the alignment",
            "Java allocates memory segments with the old alignment; the calling convention may change too."),
    FIELD_REMOVED(TYPE, on(BREAKING, MAJOR), on(BREAKING, MAJOR), "a field was removed",
            "field '{field}' ({type}) removed",
            "keep the field; mark it unused in the docs",
            "Java accessors for it read memory that now belongs to something else; the record component is gone."),
    FIELD_ADDED(TYPE, on(BREAKING, MAJOR), on(BREAKING, MAJOR), "a field was added to a struct used by value",
            "field '{field}' ({type}) added{offset}",
            "add a new versioned struct instead",
            "Java allocates and copies the old size; the new field is garbage, and the record gains a component."),
    FIELD_OFFSET_CHANGED(TYPE, on(BREAKING, MAJOR), on(COMPATIBLE, PATCH), "a field moved to another offset",
            "offset {was} -> {now}",
            "restore the field order and types before it",
            "Java reads and writes the field at its old offset."),
    FIELD_TYPE_CHANGED(TYPE, on(BREAKING, MAJOR), on(BREAKING, MAJOR), "a field has a different C type",
            "{types}",
            "add a new field instead",
            "Java reads the old type's bits, and the record component changes type."),
    FIELD_RENAMED(TYPE, on(COMPATIBLE, PATCH), on(BREAKING, MAJOR), "a field was renamed at the same offset and type",
            "'{was}' -> '{now}' (same offset and type)",
            "none needed for the ABI; Java source using the old accessor name must change",
            "Binary layout is identical, but the generated record's accessor is renamed."),
    ENUM_REPR_CHANGED(ENUM, on(BREAKING, MAJOR), on(BREAKING, MAJOR), "an enum's integer representation changed",
            "repr({was}) -> repr({now})",
            "restore the previous #[repr(<int>)]",
            "The value is passed with the old width, and the Java enum's value() changes type."),
    ENUM_VALUE_CHANGED(ENUM, on(BREAKING, MAJOR), on(COMPATIBLE, PATCH), "an enum variant has a different value",
            "value {was} -> {now}",
            "restore the value; add new variants with new values",
            "Java passes and compares the old numbers."),
    ENUM_VARIANT_ADDED(ENUM, on(POTENTIALLY_BREAKING, MINOR), on(POTENTIALLY_BREAKING, MINOR),
            "an enum gained a variant",
            "variant {variant} = {value} added",
            "none needed; Java code should handle unknown values",
            "Old bindings report the new value as unknown; exhaustive Java switches no longer cover every value."),
    ENUM_VARIANT_REMOVED(ENUM, on(BREAKING, MAJOR), on(BREAKING, MAJOR), "an enum variant was removed",
            "variant {variant} = {value} removed",
            "keep the variant, documented as unused",
            "Java may still pass the old value, which Rust now treats as invalid; the Java constant is gone."),
    ENUM_VARIANT_RENAMED(ENUM, on(COMPATIBLE, PATCH), on(BREAKING, MAJOR), "an enum variant was renamed, same value",
            "{was} -> {now} (value {value})",
            "none needed for the ABI; Java source using the old constant must change",
            "Values are unchanged, but the generated Java constant is renamed."),
    CALLBACK_SIGNATURE_CHANGED(CALLBACK, on(BREAKING, MAJOR), on(BREAKING, MAJOR),
            "a callback type has a different signature",
            "{was} -> {now}",
            "add a new callback type instead",
            "Java upcall stubs are built for the old signature, and the functional interface changes."),
    CALLBACK_UNWIND_CHANGED(CALLBACK, on(BREAKING, MAJOR), on(COMPATIBLE, PATCH),
            "a callback switched between \"C\" and \"C-unwind\"",
            "now \"{now}\"",
            "keep extern \"C\"",
            "Unwinding through an upcall stub crashes the JVM."),
    TYPE_DEPRECATED(TYPE, on(COMPATIBLE, MINOR), on(COMPATIBLE, MINOR), "a type was deprecated",
            "deprecated{note}",
            "none needed",
            "Generated Java gains @Deprecated."),

    // Constants and statics
    CONST_REMOVED(CONSTANT, on(COMPATIBLE, PATCH), on(BREAKING, MAJOR), "a constant was removed",
            "constant {name} removed",
            "keep the constant",
            "Compiled callers keep the value javac inlined, but the generated Java constant disappears and code"
                    + " that uses it stops compiling."),
    CONST_ADDED(CONSTANT, on(COMPATIBLE, MINOR), on(COMPATIBLE, MINOR), "a constant was added",
            "constant {name} = {value} added",
            "none needed",
            "Existing code does not refer to it."),
    CONST_VALUE_CHANGED(CONSTANT, on(POTENTIALLY_BREAKING, MAJOR), on(COMPATIBLE, PATCH),
            "a constant has a different value",
            "{was} -> {now}",
            "add a new constant instead",
            "javac inlines constants; compiled callers keep the old value until recompiled."),
    CONST_TYPE_CHANGED(CONSTANT, on(POTENTIALLY_BREAKING, MAJOR), on(BREAKING, MAJOR),
            "a constant has a different type",
            "{types}",
            "add a new constant instead",
            "The generated Java field changes type; callers stop compiling, and compiled ones keep the old bits."),
    STATIC_REMOVED(STATIC, on(BREAKING, MAJOR), on(COMPATIBLE, PATCH), "an exported static was removed",
            "static '{symbol}' is no longer exported",
            "keep the static",
            "Callers that look the symbol up fail; the generated Java does not bind statics."),
    STATIC_ADDED(STATIC, on(COMPATIBLE, MINOR), on(COMPATIBLE, MINOR), "a static was exported",
            "static '{symbol}' is newly exported",
            "none needed",
            "Existing bindings never look it up."),
    STATIC_TYPE_CHANGED(STATIC, on(BREAKING, MAJOR), on(COMPATIBLE, PATCH), "an exported static has a different type",
            "{types}",
            "add a new static instead",
            "Callers read it with the old layout."),
    STATIC_MUTABILITY_CHANGED(STATIC, on(POTENTIALLY_BREAKING, MAJOR), on(COMPATIBLE, PATCH),
            "a static became mutable or immutable",
            "became {now}",
            "keep the mutability",
            "Writes to a now read-only static fault; a now mutable one races with readers."),
    HIDDEN_EXPORT_REMOVED(SYMBOL, on(POTENTIALLY_BREAKING, MAJOR), on(COMPATIBLE, PATCH),
            "a symbol with no Rust declaration is no longer exported",
            "'{symbol}' is no longer exported",
            "check whether any caller used it",
            "Hand-written bindings may have looked it up."),
    HIDDEN_EXPORT_ADDED(SYMBOL, on(COMPATIBLE, MINOR), on(COMPATIBLE, MINOR),
            "a symbol with no Rust declaration is now exported",
            "'{symbol}' is now exported without a declaration",
            "check where it comes from; it may be an accident",
            "Nothing refers to it yet."),

    // The crate's error enums: their variants are status codes, and exception subclasses in Java
    ERROR_VARIANT_RENUMBERED(ERROR, on(BREAKING, MAJOR), on(BREAKING, MAJOR),
            "an error variant has another status code",
            "{enum}::{variant}: status {was} -> {now}",
            "restore the code; give new variants new codes",
            "Compiled bindings turn the new code into the wrong exception (or none); the exception's documented"
                    + " code changes, and code that compares code() with the old number stops matching."),
    ERROR_VARIANT_REMOVED(ERROR, on(COMPATIBLE, PATCH), on(BREAKING, MAJOR), "an error variant was removed",
            "{enum}::{variant} (status {code}) removed",
            "keep the variant, documented as no longer returned",
            "The status never comes back, which compiled callers survive; but its exception subclass is no"
                    + " longer generated, so Java code that catches it stops compiling."),
    ERROR_VARIANT_ADDED(ERROR, on(COMPATIBLE, MINOR), on(COMPATIBLE, MINOR), "an error variant was added",
            "{enum}::{variant} = {code} added",
            "none needed; say in the docs which calls return it",
            "Java side: a new exception subclass; catch blocks of the library's base exception still catch it,"
                    + " and bindings generated before it turn the new code into the base exception."),
    ERROR_VARIANT_RENAMED(ERROR, on(COMPATIBLE, PATCH), on(BREAKING, MAJOR), "an error variant was renamed, same code",
            "{enum}::{was} -> {now} (status {code})",
            "none needed for the ABI; Java code that catches the old exception class must change",
            "The status is unchanged, but the exception subclass is named after the variant."),

    // The generated Java API, as the snapshot's binding records it
    JAVA_METHOD_REMOVED(JAVA, on(COMPATIBLE, PATCH), on(BREAKING, MAJOR),
            "an export is still there but has no safe method any more",
            "'{symbol}' no longer has the safe method {java}: {why}",
            "restore the mapping (see the message), or keep the method for a release before moving callers to"
                    + " the raw class",
            "The C ABI is unchanged, but Java code that calls the safe method stops compiling."),
    JAVA_METHOD_ADDED(JAVA, on(COMPATIBLE, PATCH), on(COMPATIBLE, MINOR), "an export gained a safe method",
            "'{symbol}' now has the safe method {java}",
            "none needed",
            "Existing Java code does not call it."),
    JAVA_PARAMETERS_CHANGED(JAVA, on(COMPATIBLE, PATCH), on(BREAKING, MAJOR),
            "a safe method's Java parameters changed",
            "{java}: ({was}) -> ({now}){why}",
            "keep the mapping: restore the parameter names it follows, or declare it in"
                    + " [package.metadata.ferrule]",
            "The C call may be unchanged, yet the generated method takes other Java types (a rename of name_len"
                    + " to len makes a String a byte[]), so callers stop compiling."),
    JAVA_RESULT_CHANGED(JAVA, on(COMPATIBLE, PATCH), on(BREAKING, MAJOR), "a safe method returns another Java type",
            "{java} returned {was}, returns {now}{why}",
            "keep the mapping of the out-parameter or result",
            "Callers that use the result stop compiling."),
    JAVA_STATUS_CHANGED(JAVA, on(COMPATIBLE, PATCH), on(BREAKING, MAJOR),
            "a safe method's i32 result changed between a status and a value",
            "{java}: {change}",
            "restore returns = \"status\" or \"value\" in [package.metadata.ferrule]",
            "A status is checked and thrown; a value is returned. The method's type and its exceptions change."),
    JAVA_METHOD_MOVED(JAVA, on(COMPATIBLE, PATCH), on(BREAKING, MAJOR),
            "a safe method moved between an object and the free functions",
            "{symbol}: {was} -> {now}",
            "keep the handle parameter's name and the export's name, which decide where the method belongs",
            "Callers of the old place stop compiling."),
    JAVA_OBJECT_REMOVED(JAVA, on(COMPATIBLE, PATCH), on(BREAKING, MAJOR), "an object class is no longer generated",
            "class {class} ({name}) is no longer generated: {why}",
            "keep <type>_new (a u64 handle through out) and <type>_release",
            "Code that uses the class stops compiling."),
    JAVA_OBJECT_ADDED(JAVA, on(COMPATIBLE, PATCH), on(COMPATIBLE, MINOR), "an object class is generated",
            "class {class} is generated for {name}",
            "none needed",
            "Existing code does not use it."),
    BINDING_METADATA_CHANGED(JAVA, on(COMPATIBLE, PATCH), on(COMPATIBLE, PATCH),
            "[package.metadata.ferrule] changed for an export",
            "[package.metadata.ferrule.functions.{symbol}] {key}: {was} -> {now}",
            "none needed; what it changes in Java is reported on its own",
            "Metadata decides mappings; a change that alters the Java API is reported by the JAVA_ rules."),
    // New rules go above this line; scripts/new-rule abi RULE writes one here, with its cases.
    ;

    /** What part of the interface a rule is about. */
    public enum Category {
        FUNCTION, TYPE, ENUM, CALLBACK, CONSTANT, STATIC, SYMBOL, ERROR, JAVA
    }

    private final Category category;
    private final Compat binary;
    private final Compat source;
    private final String title;
    private final String message;
    private final String fix;
    private final String why;

    AbiRule(Category category, Compat binary, Compat source, String title, String message, String fix, String why) {
        this.category = category;
        this.binary = binary;
        this.source = source;
        this.title = title;
        this.message = message;
        this.fix = fix;
        this.why = why;
    }

    public Category category() {
        return category;
    }

    /** The C ABI: what compiled bindings and C callers see. */
    public Compat binary() {
        return binary;
    }

    /** The generated Java API: what Java code written against the bindings sees once they are regenerated. */
    public Compat source() {
        return source;
    }

    /** The worse of the two severities. */
    public Severity severity() {
        return binary.severity().compareTo(source.severity()) <= 0 ? binary.severity() : source.severity();
    }

    /** The bigger of the two releases: what the change needs. */
    public SemverLevel semver() {
        return binary.semver().compareTo(source.semver()) <= 0 ? binary.semver() : source.semver();
    }

    /** One line: what changed. */
    public String title() {
        return title;
    }

    /** The message template, with {@code {name}} placeholders. */
    public String messageTemplate() {
        return message;
    }

    /** The placeholders of the message template, in order. */
    public Set<String> placeholders() {
        return MessageTemplate.placeholders(message);
    }

    /**
     * The message for one change: {@code values} are placeholder names and values, in pairs.
     *
     * @throws IllegalArgumentException when a placeholder has no value, or a value no placeholder
     */
    public String message(Object... values) {
        return MessageTemplate.fill(message, name(), values);
    }

    /** What to do about it. */
    public String fix() {
        return fix;
    }

    /** Why it is rated as it is, for Java callers. */
    public String javaImpact() {
        return why;
    }

    /** A stable link target in the site's rule reference. */
    public String helpAnchor() {
        return "check-abi-rules.html#" + name().toLowerCase(Locale.ROOT);
    }
}
