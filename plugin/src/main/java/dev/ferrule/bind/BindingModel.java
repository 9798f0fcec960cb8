package dev.ferrule.bind;

import dev.ferrule.abi.AbiModel;
import dev.ferrule.abi.CType;
import java.util.List;
import java.util.Optional;

/**
 * The Java API of a crate: the one description every generator reads, built once per
 * generation from the {@link AbiModel} and what the crate declares ({@link BindingModelBuilder}).
 * Each decision is made here, once, with the reason for it; generators only print. Immutable.
 *
 * @param packageName  the Java package of every generated class
 * @param rawClass     the raw layer's class name
 * @param natives      the raw layer: every bound export as FFM sees it
 * @param safe         the safe layer of a crate built on ferrule-ffi; absent for others
 * @param cabi         the safe layer of a C ABI that Ferrule did not write; absent for ferrule-ffi
 *                     crates, and for C ABIs that declare no {@code [package.metadata.ferrule]}
 */
public record BindingModel(Library library, String packageName, String rawClass, NativeLayer natives,
        Optional<SafeLayer> safe, Optional<CAbiLayer> cabi) {

    public BindingModel(Library library, String packageName, String rawClass, NativeLayer natives,
            Optional<SafeLayer> safe) {
        this(library, packageName, rawClass, natives, safe, Optional.empty());
    }

    /**
     * What the bindings are generated from.
     *
     * @param pointerSize     bytes in a pointer on the target; the raw class checks it at load
     * @param abiFingerprint  the ABI's fingerprint, which a ferrule-ffi library reports at load
     * @param identityPrefix  the export prefix of a library that reports its build (ferrule-ffi's
     *                        {@code export_runtime!}); absent otherwise
     */
    public record Library(String crate, String version, String libName, String target, List<String> features,
            long pointerSize, String abiFingerprint, Optional<String> identityPrefix) {
    }

    /** Why a mapping is what it is, in the order the generator asks. */
    public enum Source {
        /** The crate declares it in code (ferrule-ffi's export macros). */
        DECLARED,
        /** The Rust type says it: a primitive, a {@code #[repr(C)]} type, {@code Option<&T>}. */
        RUST_TYPE,
        /** {@code [package.metadata.ferrule]} says it. */
        METADATA,
        /** A naming convention says it: {@code x_len}, {@code len}, {@code out}, a handle named after its type. */
        CONVENTION
    }

    // ---- raw layer ---------------------------------------------------------------------------

    /**
     * @param functions   the exports the raw class binds, by symbol
     * @param skipped     what it leaves out, each as {@code item: reason}
     * @param considered  how many exports the configuration selects
     * @param layouts     struct and union layouts, each after the ones it holds by value
     */
    public record NativeLayer(List<NativeFunction> functions, List<String> skipped, int considered,
            List<Layout> layouts, List<NativeConstant> constants, List<EnumType> enums,
            List<NativeCallback> callbacks) {

        public Optional<NativeFunction> function(String symbol) {
            return functions.stream().filter(f -> f.symbol().equals(symbol)).findFirst();
        }
    }

    /** A {@code #[deprecated]} note. */
    public record Deprecation(String since, String note) {

        static Deprecation of(AbiModel.Deprecation deprecation) {
            return deprecation == null ? null : new Deprecation(deprecation.since(), deprecation.note());
        }
    }

    /** Who owns what a pointer points at, in words for the raw method's Javadoc. */
    public enum Ownership {
        OWNED("owned: the receiver releases it"),
        BORROWED("borrowed for the call"),
        BORROWED_MUT("borrowed mutably for the call"),
        RAW("raw pointer: ownership per the Rust docs");

        private final String description;

        Ownership(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }

        static Ownership of(AbiModel.Ownership ownership) {
            return ownership == null ? null : valueOf(ownership.name());
        }
    }

    /**
     * A C type as FFM passes it.
     *
     * @param ownership    for pointers, who owns the pointee, as far as the Rust type says
     * @param nullable     for pointers, whether null is allowed; null when unknown
     * @param pointeeSize  for pointers, the bytes of what they point at, when known
     */
    public record NativeType(CType c, String rust, Carrier carrier, Ownership ownership,
            Boolean nullable, Long pointeeSize) {
    }

    /**
     * @param javaName  the raw method's parameter name: the Rust name made a unique Java identifier
     */
    public record NativeParam(String name, String javaName, NativeType type) {
    }

    /**
     * An export the raw class binds.
     *
     * @param result       null for {@code void}
     * @param structResult a struct returned by value: the raw method takes a {@code SegmentAllocator}
     * @param critical     a critical downcall ({@code [package.metadata.ferrule]})
     */
    public record NativeFunction(String symbol, String path, String abi, List<NativeParam> params,
            NativeType result, boolean structResult, boolean critical, String docs,
            Deprecation deprecation) {
    }

    /**
     * A struct or union layout, as the compiler laid it out.
     *
     * @param members  the layout's members in order, padding included
     * @param offsets  each named field's offset, checked when the raw class loads
     */
    public record Layout(String name, String path, boolean union, long size, long align,
            List<LayoutMember> members, List<FieldOffset> offsets, String docs) {
    }

    /**
     * A member of a layout: a field ({@code name} set) or padding ({@code paddingBytes} set).
     *
     * @param byteAlignment  the field's alignment where a packed struct puts it below its natural
     *                       one; null otherwise
     */
    public record LayoutMember(String name, Carrier carrier, long paddingBytes, Long byteAlignment) {
    }

    public record FieldOffset(String field, long offset) {
    }

    /**
     * An integer or boolean constant of the crate, as a Java constant of the same width.
     *
     * @param bits  the value's bits (booleans: 1 or 0); an unsigned value above the signed range
     *              is the negative number Java reads the same bits as
     */
    public record NativeConstant(String javaName, String rustName, String value, String c, Carrier carrier,
            long bits, String docs) {
    }

    /** A callback type's C signature, for upcall descriptors. */
    public record NativeCallback(String name, String path, List<NativeType> params, NativeType result,
            String docs) {
    }

    // ---- safe layer --------------------------------------------------------------------------

    /**
     * @param prefix          ferrule-ffi's export prefix ({@code template} of {@code template_greet})
     * @param className       the safe facade
     * @param exceptionClass  the base exception; {@link #errors} are its subclasses
     * @param runtime         the runtime exports the generated code calls, by role
     * @param methods         every export with a safe method, by symbol
     * @param skipped         exports left to the raw class, each as {@code symbol: reason}
     */
    public record SafeLayer(String prefix, String className, String exceptionClass, RuntimeSymbols runtime,
            List<Method> methods, List<ObjectType> objects, List<ErrorClass> errors, List<RecordType> records,
            List<EnumType> enums, List<CallbackType> callbacks, List<String> skipped) {

        public Optional<ObjectType> object(String name) {
            return objects.stream().filter(o -> o.name().equals(name)).findFirst();
        }

        public Optional<Method> method(String symbol) {
            return methods.stream().filter(m -> m.symbol().equals(symbol)).findFirst();
        }

        public Optional<RecordType> record(String name) {
            return records.stream().filter(r -> r.name().equals(name)).findFirst();
        }

        public Optional<EnumType> enumeration(String name) {
            return enums.stream().filter(e -> e.name().equals(name)).findFirst();
        }

        public Optional<CallbackType> callback(String name) {
            return callbacks.stream().filter(c -> c.name().equals(name)).findFirst();
        }

        /** The methods of an object, in symbol order. */
        public List<Method> methodsOf(String object) {
            return methods.stream().filter(m -> m.owner().isPresent() && m.owner().get().object().equals(object))
                    .toList();
        }
    }

    /** The symbols of ferrule-ffi's runtime exports that the safe layer calls. */
    public record RuntimeSymbols(String lastErrorLength, String lastErrorMessage, String bufferFree,
            String liveObjects, String liveObjectsReport) {
    }

    /**
     * One export as a safe method: a static method of the facade and, when it belongs to an
     * object, a method of that object's class too.
     *
     * @param name      the facade method's name
     * @param owner     the object it belongs to, and its role there
     * @param params    every C parameter, each in exactly one safe parameter (a string takes two)
     * @param status    whether the call returns a status to check, and why
     * @param result    what the method returns
     * @param critical  a critical downcall: byte arrays are passed in place
     */
    public record Method(String symbol, String name, Optional<Owner> owner, List<Param> params, Decision status,
            Result result, boolean critical, String docs, Deprecation deprecation) {

        /** The parameters the Java method takes: all but the out-parameter. */
        public List<Param> javaParams() {
            return params.stream().filter(p -> p.mapping().kind() != Mapping.Kind.OUT).toList();
        }

        /** Whether it takes one byte array, and so also gets {@code MemorySegment} and {@code ByteBuffer} forms. */
        public boolean hasSegmentForms() {
            return params.stream().filter(p -> p.mapping().kind() == Mapping.Kind.BYTES).count() == 1;
        }
    }

    /** A boolean decision and why it was made. */
    public record Decision(boolean value, Source source) {
    }

    /** An object's role for a method: how its class presents it. */
    public enum Role {
        CONSTRUCTOR, CLONE, RELEASE, METHOD,
        /** A function of the type that takes no instance: a static method of its class. */
        STATIC
    }

    /**
     * @param verb  the object class's method name for a {@link Role#METHOD} ({@code add} of
     *              {@code counter_add}), a {@link Role#STATIC}, or a declared
     *              {@link Role#CONSTRUCTOR} ({@code create} for {@code new}); null otherwise
     */
    public record Owner(String object, Role role, String verb) {
    }

    /**
     * A safe parameter.
     *
     * @param name     the Rust name of its first C parameter
     * @param natives  the C parameters it fills, by index: two for a string, bytes or a callback
     */
    public record Param(String name, String javaName, Mapping mapping, Source source, List<Integer> natives) {
    }

    /**
     * What a safe method returns.
     *
     * @param mapping        null for {@code void}
     * @param outParam       the C parameter it is read from, or -1 when the call returns it directly
     * @param presenceParam  for an {@link Mapping.Kind#OPTION}, the C parameter that says whether
     *                       it is there; -1 otherwise
     */
    public record Result(Mapping mapping, Source source, int outParam, int presenceParam) {

        public static final Result VOID = new Result(null, Source.RUST_TYPE, -1);

        public Result(Mapping mapping, Source source, int outParam) {
            this(mapping, source, outParam, -1);
        }

        public boolean isVoid() {
            return mapping == null;
        }
    }

    /**
     * A type behind handles: a class whose instances own one handle each.
     *
     * @param name         the type's word in the export names ({@code byte_buffer})
     * @param className    its Java class ({@code ByteBuffer})
     * @param constructor  the export that makes one; null for a declared type that only other
     *                     functions return
     * @param release      the export that releases one
     * @param cloner       the export that makes a second handle to the same object, if any
     */
    public record ObjectType(String name, String className, String constructor, String release,
            Optional<String> cloner, Source source) {
    }

    /**
     * A subclass of the library's exception for one status.
     *
     * @param origin  where the status is defined: a {@link RuntimeStatus}, or the crate's {@code path::Variant}
     */
    public record ErrorClass(String className, int code, String meaning, String origin) {
    }

    /**
     * A {@code #[repr(C)]} struct whose fields are all values: a Java record.
     *
     * @param className  its Java name: the Rust name, or for a C ABI the name without the
     *                   library's prefix in UpperCamelCase ({@code Stats} of {@code tinykv_stats})
     */
    public record RecordType(String name, String className, String path, long size, long align,
            List<RecordField> fields, String docs) {

        public RecordType(String name, String path, long size, long align, List<RecordField> fields, String docs) {
            this(name, name, path, size, align, fields, docs);
        }
    }

    /**
     * @param mapping    a value, an enum or a nested record
     * @param unaligned  a packed struct puts it below its natural alignment
     */
    public record RecordField(String name, String javaName, Mapping mapping, long offset, boolean unaligned,
            String rust, String docs) {
    }

    /** A fieldless enum: a Java enum with the values Rust uses. */
    public record EnumType(String name, String path, String repr, Carrier carrier, List<EnumVariant> variants,
            String docs) {
    }

    public record EnumVariant(String name, String constant, long value, String docs) {
    }

    /**
     * A callback type the safe layer takes as a functional interface.
     *
     * @param params    the Java parameters: every C parameter but the trailing {@code user_data}
     * @param userData  the trailing parameter, by which the library names the call back to Java
     * @param result    null for {@code void}
     */
    /**
     * @param result       what the library gets back, as carried; null for none
     * @param resultJava   the same in its Java type (an unsigned number narrowed back from it)
     */
    /**
     * @param className    the functional interface: the Rust name, or for a C ABI the name without
     *                     the library's prefix in UpperCamelCase ({@code VisitFn} of {@code tinykv_visit_fn})
     */
    public record CallbackType(String name, String path, List<CallbackParam> params, CallbackParam userData,
            Carrier result, String docs, Mapping resultJava, String className) {

        public CallbackType(String name, String path, List<CallbackParam> params, CallbackParam userData,
                Carrier result, String docs, Mapping resultJava) {
            this(name, path, params, userData, result, docs, resultJava, name);
        }

        public CallbackType(String name, String path, List<CallbackParam> params, CallbackParam userData,
                Carrier result, String docs) {
            this(name, path, params, userData, result, docs, result == null ? null : Mapping.value(result));
        }
    }

    /**
     * @param java the parameter in its Java type: for a declared crate, an unsigned number widened;
     *             for a C ABI, bytes or text from a pointer and the length after it, or a C string;
     *             null for a length the parameter before it took
     */
    public record CallbackParam(String name, String javaName, Carrier carrier, Mapping java) {

        public CallbackParam(String name, String javaName, Carrier carrier) {
            this(name, javaName, carrier, Mapping.value(carrier));
        }
    }

    // ---- the safe layer of a C ABI that Ferrule did not write -------------------------------

    /**
     * The safe layer of a C ABI with its own conventions: objects behind raw pointers, C strings,
     * and errors as the crate's {@code [package.metadata.ferrule.errors]} declares them. Every
     * decision comes from the Rust types, the metadata, or a naming convention, with its source.
     *
     * @param prefix          the prefix every export shares ({@code tinykv_}), left out of Java names
     * @param className       the facade: the free functions and constants
     * @param exceptionClass  the base exception; {@link #errorClasses} are its subclasses
     * @param errors          how calls report failure; null when the crate declares nothing
     * @param methods         every export with a safe method, by symbol
     * @param skipped         exports left to the raw class, each as {@code symbol: reason}
     */
    public record CAbiLayer(String prefix, String className, String exceptionClass, ErrorConvention errors,
            List<CAbiMethod> methods, List<CAbiObject> objects, List<ErrorClass> errorClasses,
            List<RecordType> records, List<CAbiConstant> constants, List<CallbackType> callbacks,
            List<String> skipped) {

        public Optional<CAbiObject> object(String name) {
            return objects.stream().filter(o -> o.name().equals(name)).findFirst();
        }

        public Optional<RecordType> record(String name) {
            return records.stream().filter(r -> r.name().equals(name)).findFirst();
        }

        /** The methods of an object, in symbol order, its release function left out. */
        public List<CAbiMethod> methodsOf(String object) {
            return methods.stream().filter(m -> m.owner().isPresent() && m.owner().get().object().equals(object)
                    && m.owner().get().role() != Role.RELEASE).toList();
        }
    }

    /**
     * How a C ABI reports failure ({@code [package.metadata.ferrule.errors]}).
     *
     * @param success      the status of success
     * @param statusType   the C type of the error codes: results of that type are statuses
     * @param lastError    {@code () -> *const c_char}: the thread's last error; null when none
     * @param codeMessage  {@code (code) -> *const c_char}: a code's message; null when none
     * @param errorObject  the error objects failed calls write through an out-parameter; null when none
     */
    public record ErrorConvention(long success, String statusType, String lastError, String codeMessage,
            ErrorObject errorObject) {

        public ErrorConvention(long success, String statusType, String lastError, String codeMessage) {
            this(success, statusType, lastError, codeMessage, null);
        }
    }

    /**
     * An opaque error type: a failed call writes one through {@code *mut *mut E}, and the caller
     * reads its message (and code) and releases it.
     *
     * @param code  {@code (*const E) -> int}; null when errors have no code
     */
    public record ErrorObject(String type, String message, String code, String release) {
    }

    /** How one call of a C ABI says it failed. */
    public enum Failure {
        /** It cannot fail, or says so in no way Ferrule knows: the result is returned as is. */
        NONE,
        /** The result is a status: anything but the success code is an error code. */
        STATUS,
        /** The result is a value when non-negative, and minus an error code when negative. */
        NEGATIVE,
        /** The result is a pointer, null on failure; the last error says why. */
        NULL,
        /**
         * An error object written through an out-parameter says the call failed; a {@code false}
         * or null result without one fails too, with the last error.
         */
        ERROR_OBJECT
    }

    /**
     * An export of a C ABI as a safe method: a static method of the facade and, when it belongs
     * to an object, a method of that object's class too.
     *
     * @param failure  how a failure shows, and why Ferrule thinks so
     */
    public record CAbiMethod(String symbol, String name, Optional<Owner> owner, List<Param> params, Failure failure,
            Source failureSource, Result result, String docs, Deprecation deprecation) {

        /** The parameters the Java method takes: all but the out-parameters. */
        public List<Param> javaParams() {
            return params.stream().filter(p -> p.mapping().kind() != Mapping.Kind.OUT
                    && p.mapping().kind() != Mapping.Kind.ERROR_OUT && p.mapping().kind() != Mapping.Kind.BUFFER)
                    .toList();
        }
    }

    /**
     * An object that is a Java {@code Iterator}: its {@code next} function takes it, writes an
     * item through out-parameters and returns true, or returns false at the end.
     *
     * @param element  the item: bytes from a {@code (*const u8, size_t)} pair, a C string, or a record
     * @param outs     the C parameters of {@code next} the item is read from, by index
     */
    public record CAbiIterator(String next, Mapping element, List<Integer> outs, Source source) {
    }

    /**
     * An opaque type behind a raw pointer: an {@code AutoCloseable} class.
     *
     * @param name       the Rust type ({@code tinykv_store})
     * @param release    the export that releases one
     * @param shareable  whether calls may come from several threads; a confined object is
     *                   checked on each call
     */
    public record CAbiObject(String name, String className, String release, Decision shareable, Source source,
            Optional<CAbiIterator> iterator) {

        public CAbiObject(String name, String className, String release, Decision shareable, Source source) {
            this(name, className, release, shareable, source, Optional.empty());
        }
    }

    /**
     * A {@code pub const} of the crate in the facade, typed as the safe layer types its values:
     * an unsigned flag is a widened, non-negative number, so flags combine with {@code |}.
     */
    public record CAbiConstant(String javaName, String rustName, Mapping mapping, long value, String docs) {
    }
}
