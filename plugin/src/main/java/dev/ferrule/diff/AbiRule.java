package dev.ferrule.diff;

import static dev.ferrule.diff.Severity.BREAKING;
import static dev.ferrule.diff.Severity.COMPATIBLE;
import static dev.ferrule.diff.Severity.POTENTIALLY_BREAKING;
import static dev.ferrule.diff.SemverLevel.MAJOR;
import static dev.ferrule.diff.SemverLevel.MINOR;
import static dev.ferrule.diff.SemverLevel.PATCH;

/**
 * Every kind of ABI difference Ferrule reports, with its severity, the version bump it needs, a
 * one-line explanation, the fix, and why it is rated so for Java callers. The whole rulebook
 * reads on one screen. The values are fixed: per-run changes (acceptances, {@code failOn}) live in
 * configuration, never here.
 */
public enum AbiRule {

    // Functions
    FN_REMOVED(Category.FUNCTION, BREAKING, MAJOR, "an exported function was removed",
            "restore it, or deprecate it for a release before removing it",
            "Java bindings look the symbol up at class initialisation; the lookup fails and every call breaks."),
    FN_ADDED(Category.FUNCTION, COMPATIBLE, MINOR, "a function was exported",
            "none needed; regenerate the bindings to use it",
            "Existing bindings never look it up."),
    SYMBOL_RENAMED(Category.FUNCTION, BREAKING, MAJOR, "a function kept its Rust name but exports another symbol",
            "keep the old #[export_name], or export both names for a release",
            "Bindings find functions by symbol; the old symbol is gone."),
    FN_PARAM_COUNT_CHANGED(Category.FUNCTION, BREAKING, MAJOR, "a function takes a different number of parameters",
            "add a new function with the new signature and deprecate the old one",
            "The downcall handle's descriptor no longer matches; arguments land in the wrong registers."),
    FN_PARAM_TYPE_CHANGED(Category.FUNCTION, BREAKING, MAJOR, "a parameter has a different C type",
            "add a new function with the new signature and deprecate the old one",
            "The caller passes the old type's bits; the callee reads them as the new type."),
    FN_PARAM_RENAMED(Category.FUNCTION, COMPATIBLE, PATCH, "a parameter was renamed",
            "none needed",
            "Names do not exist in the C ABI; generated Java keeps compiling since parameter names are not API."),
    FN_RETURN_TYPE_CHANGED(Category.FUNCTION, BREAKING, MAJOR, "a function returns a different C type",
            "add a new function with the new return type and deprecate the old one",
            "The caller reads the result with the old type's width and meaning."),
    FN_VARIADIC_CHANGED(Category.FUNCTION, BREAKING, MAJOR, "a function became variadic or stopped being variadic",
            "keep the calling convention; add a new function instead",
            "Variadic calls use a different calling sequence on most platforms."),
    FN_ABI_CHANGED(Category.FUNCTION, BREAKING, MAJOR, "a function's calling convention changed",
            "keep extern \"C\"",
            "FFM downcalls use the platform C convention; anything else corrupts the call."),
    UNWIND_ABI_CHANGED(Category.FUNCTION, BREAKING, MAJOR, "a function switched between \"C\" and \"C-unwind\"",
            "keep extern \"C\" and turn panics into status codes",
            "A panic unwinding into a JVM frame crashes the JVM; callers built for one mode are wrong for the other."),
    FN_SAFETY_CHANGED(Category.FUNCTION, COMPATIBLE, PATCH, "a function became unsafe or safe in Rust",
            "none needed for the C ABI",
            "unsafe only constrains Rust callers; Java bindings are unaffected."),
    FN_DEPRECATED(Category.FUNCTION, COMPATIBLE, MINOR, "a function was deprecated",
            "none needed; callers should migrate before it is removed",
            "Generated Java gains @Deprecated; code still compiles and runs."),
    FN_UNDEPRECATED(Category.FUNCTION, COMPATIBLE, PATCH, "a function is no longer deprecated",
            "none needed",
            "Removing @Deprecated breaks nothing."),
    FN_CFG_CHANGED(Category.FUNCTION, POTENTIALLY_BREAKING, MAJOR, "the cfg or feature gating a function changed",
            "keep the gate, or make sure release builds enable the same features",
            "A build with other features may no longer export it."),
    NULLABILITY_NARROWED(Category.FUNCTION, BREAKING, MAJOR, "a parameter that accepted null no longer does",
            "keep Option<..> on the parameter",
            "Java callers that pass null now hand Rust a null where it assumes a valid pointer."),
    NULLABILITY_WIDENED(Category.FUNCTION, COMPATIBLE, MINOR, "a parameter now accepts null",
            "none needed",
            "Every previous call still passes a valid pointer."),
    RETURN_NULLABILITY_WIDENED(Category.FUNCTION, POTENTIALLY_BREAKING, MAJOR, "a function may now return null",
            "return a status code for the empty case, or keep the result non-null",
            "Callers that never checked for null dereference it."),
    RETURN_NULLABILITY_NARROWED(Category.FUNCTION, COMPATIBLE, PATCH, "a function no longer returns null",
            "none needed",
            "Existing null checks become dead code."),
    OWNERSHIP_CHANGED(Category.FUNCTION, BREAKING, MAJOR, "who owns a pointer changed (owned, borrowed or raw)",
            "keep the ownership contract; add a new function for the new one",
            "An owned result that became borrowed is freed twice; a borrowed one that became owned leaks."),

    POINTER_CONSTNESS_CHANGED(Category.FUNCTION, COMPATIBLE, PATCH,
            "a pointer (parameter, result, field or static) changed between *const and *mut",
            "none needed for the ABI; if Rust now writes through a pointer it only read, say so in its docs",
            "const is not part of the C calling convention: the same address travels in the same register, and"
                    + " FFM binds both as a MemorySegment (ADDRESS), so the raw Java binding does not change."
                    + " A *const that became *mut lets Rust write through memory a Java caller may share."),

    // Types
    TYPE_REMOVED(Category.TYPE, BREAKING, MAJOR, "a type no longer crosses the boundary",
            "keep the type, or remove it together with every function that uses it in a major release",
            "Generated classes for it disappear, and so does the code that used them."),
    TYPE_ADDED(Category.TYPE, COMPATIBLE, MINOR, "a new type crosses the boundary",
            "none needed",
            "Existing bindings do not refer to it."),
    TYPE_KIND_CHANGED(Category.TYPE, BREAKING, MAJOR, "a type changed between struct, union, enum and callback",
            "introduce a new type instead",
            "The generated Java type changes kind, and the memory layout with it."),
    TYPE_EXPOSURE_CHANGED(Category.TYPE, COMPATIBLE, MINOR, "a type is now used by value, or only behind pointers",
            "none needed",
            "Opaque handles and by-value views are generated side by side; existing code keeps working."),
    REPR_C_REMOVED(Category.TYPE, BREAKING, MAJOR, "a type lost #[repr(C)]",
            "restore #[repr(C)]",
            "Without it, Rust may reorder fields; the layout Java was generated from no longer holds."),
    REPR_CHANGED(Category.TYPE, BREAKING, MAJOR, "a type's repr changed (packed, align, transparent)",
            "restore the previous repr",
            "Padding and alignment change, so every field offset may move."),
    STRUCT_SIZE_CHANGED(Category.TYPE, BREAKING, MAJOR, "a struct or union changed size",
            "keep the size; add a new type for the new layout",
            "Arrays, by-value passing and Java-allocated instances all use the old size."),
    STRUCT_ALIGN_CHANGED(Category.TYPE, BREAKING, MAJOR, "a struct or union changed alignment",
            "keep the alignment",
            "Java allocates memory segments with the old alignment; the calling convention may change too."),
    FIELD_REMOVED(Category.TYPE, BREAKING, MAJOR, "a field was removed",
            "keep the field; mark it unused in the docs",
            "Java accessors for it read memory that now belongs to something else."),
    FIELD_ADDED(Category.TYPE, BREAKING, MAJOR, "a field was added to a struct used by value",
            "add a new versioned struct instead",
            "Java allocates and copies the old size; the new field is garbage."),
    FIELD_OFFSET_CHANGED(Category.TYPE, BREAKING, MAJOR, "a field moved to another offset",
            "restore the field order and types before it",
            "Java reads and writes the field at its old offset."),
    FIELD_TYPE_CHANGED(Category.TYPE, BREAKING, MAJOR, "a field has a different C type",
            "add a new field instead",
            "Java reads the old type's bits."),
    FIELD_RENAMED(Category.TYPE, POTENTIALLY_BREAKING, MINOR, "a field was renamed at the same offset and type",
            "none needed for the ABI; Java source using the old accessor name must change",
            "Binary layout is identical, but the generated accessor's name changes."),
    ENUM_REPR_CHANGED(Category.ENUM, BREAKING, MAJOR, "an enum's integer representation changed",
            "restore the previous #[repr(<int>)]",
            "The value is passed with the old width."),
    ENUM_VALUE_CHANGED(Category.ENUM, BREAKING, MAJOR, "an enum variant has a different value",
            "restore the value; add new variants with new values",
            "Java passes and compares the old numbers."),
    ENUM_VARIANT_ADDED(Category.ENUM, POTENTIALLY_BREAKING, MINOR, "an enum gained a variant",
            "none needed; Java code should handle unknown values",
            "Exhaustive Java switches on the generated enum no longer cover every value."),
    ENUM_VARIANT_REMOVED(Category.ENUM, BREAKING, MAJOR, "an enum variant was removed",
            "keep the variant, documented as unused",
            "Java may still pass the old value, which Rust now treats as invalid."),
    ENUM_VARIANT_RENAMED(Category.ENUM, POTENTIALLY_BREAKING, MINOR, "an enum variant was renamed, same value",
            "none needed for the ABI; Java source using the old constant must change",
            "Values are unchanged, but the generated Java constant is renamed."),
    CALLBACK_SIGNATURE_CHANGED(Category.CALLBACK, BREAKING, MAJOR, "a callback type has a different signature",
            "add a new callback type instead",
            "Java upcall stubs are built for the old signature."),
    CALLBACK_UNWIND_CHANGED(Category.CALLBACK, BREAKING, MAJOR, "a callback switched between \"C\" and \"C-unwind\"",
            "keep extern \"C\"",
            "Unwinding through an upcall stub crashes the JVM."),
    TYPE_DEPRECATED(Category.TYPE, COMPATIBLE, MINOR, "a type was deprecated",
            "none needed",
            "Generated Java gains @Deprecated."),

    // Constants and statics
    CONST_REMOVED(Category.CONSTANT, BREAKING, MAJOR, "a constant was removed",
            "keep the constant",
            "Generated Java constants disappear; code that uses them stops compiling."),
    CONST_ADDED(Category.CONSTANT, COMPATIBLE, MINOR, "a constant was added",
            "none needed",
            "Existing code does not refer to it."),
    CONST_VALUE_CHANGED(Category.CONSTANT, POTENTIALLY_BREAKING, MAJOR, "a constant has a different value",
            "add a new constant instead",
            "javac inlines constants; compiled callers keep the old value until recompiled."),
    CONST_TYPE_CHANGED(Category.CONSTANT, BREAKING, MAJOR, "a constant has a different type",
            "add a new constant instead",
            "The generated Java field changes type; callers stop compiling."),
    STATIC_REMOVED(Category.STATIC, BREAKING, MAJOR, "an exported static was removed",
            "keep the static",
            "The symbol lookup fails at class initialisation."),
    STATIC_ADDED(Category.STATIC, COMPATIBLE, MINOR, "a static was exported",
            "none needed",
            "Existing bindings never look it up."),
    STATIC_TYPE_CHANGED(Category.STATIC, BREAKING, MAJOR, "an exported static has a different type",
            "add a new static instead",
            "Java reads it with the old layout."),
    STATIC_MUTABILITY_CHANGED(Category.STATIC, POTENTIALLY_BREAKING, MAJOR, "a static became mutable or immutable",
            "keep the mutability",
            "Writes from Java to a now read-only static fault; a now mutable one races with readers."),
    HIDDEN_EXPORT_REMOVED(Category.SYMBOL, POTENTIALLY_BREAKING, MAJOR,
            "a symbol with no Rust declaration is no longer exported",
            "check whether any caller used it",
            "Hand-written bindings may have looked it up."),
    HIDDEN_EXPORT_ADDED(Category.SYMBOL, COMPATIBLE, MINOR, "a symbol with no Rust declaration is now exported",
            "check where it comes from; it may be an accident",
            "Nothing refers to it yet.");

    /** What part of the ABI a rule is about. */
    public enum Category {
        FUNCTION, TYPE, ENUM, CALLBACK, CONSTANT, STATIC, SYMBOL
    }

    private final Category category;
    private final Severity severity;
    private final SemverLevel semver;
    private final String title;
    private final String fix;
    private final String javaImpact;

    AbiRule(Category category, Severity severity, SemverLevel semver, String title, String fix, String javaImpact) {
        this.category = category;
        this.severity = severity;
        this.semver = semver;
        this.title = title;
        this.fix = fix;
        this.javaImpact = javaImpact;
    }

    public Category category() {
        return category;
    }

    public Severity severity() {
        return severity;
    }

    public SemverLevel semver() {
        return semver;
    }

    /** One line: what changed. */
    public String title() {
        return title;
    }

    /** What to do about it. */
    public String fix() {
        return fix;
    }

    /** Why the severity is what it is, for Java callers. */
    public String javaImpact() {
        return javaImpact;
    }

    /** A stable link target in the site's rule reference. */
    public String helpAnchor() {
        return "check-abi-rules.html#" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
