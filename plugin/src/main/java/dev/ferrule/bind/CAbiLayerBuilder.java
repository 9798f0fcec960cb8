package dev.ferrule.bind;

import dev.ferrule.abi.AbiModel;
import dev.ferrule.abi.AbiModel.AbiConstant;
import dev.ferrule.abi.AbiModel.AbiFunction;
import dev.ferrule.abi.AbiModel.AbiType;
import dev.ferrule.abi.CType;
import dev.ferrule.bind.BindingModel.CAbiConstant;
import dev.ferrule.bind.BindingModel.CAbiLayer;
import dev.ferrule.bind.BindingModel.CAbiMethod;
import dev.ferrule.bind.BindingModel.CAbiObject;
import dev.ferrule.bind.BindingModel.Decision;
import dev.ferrule.bind.BindingModel.ErrorClass;
import dev.ferrule.bind.BindingModel.ErrorConvention;
import dev.ferrule.bind.BindingModel.NativeConstant;
import dev.ferrule.bind.BindingModel.NativeFunction;
import dev.ferrule.bind.BindingModel.NativeLayer;
import dev.ferrule.bind.BindingModel.RecordType;
import dev.ferrule.bind.BindingModel.Source;
import dev.ferrule.cargo.FerruleMetadata;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The safe layer of a C ABI that Ferrule did not write, from its Rust types, its
 * {@code [package.metadata.ferrule]} and a few naming conventions: which opaque types are
 * objects (a constructor and one release function), how calls fail, and each export's method.
 */
final class CAbiLayerBuilder {

    /** The endings that name a release function when metadata names none. */
    static final List<String> RELEASE_ENDINGS = List.of("_free", "_destroy", "_release");

    private final AbiModel model;
    private final BindingConfig config;
    private final Carriers carriers;
    private final String prefix;
    private final List<String> problems = new ArrayList<>();

    private CAbiLayerBuilder(AbiModel model, BindingConfig config, Carriers carriers, String prefix) {
        this.model = model;
        this.config = config;
        this.carriers = carriers;
        this.prefix = prefix;
    }

    /**
     * @throws BindingException when the metadata does not match the crate, or an export is
     *                          undecidable
     */
    static CAbiLayer build(AbiModel model, BindingConfig config, Carriers carriers, NativeLayer natives)
            throws BindingException {
        return new CAbiLayerBuilder(model, config, carriers, prefix(model)).build(natives);
    }

    /** The prefix every export shares: the library's name and an underscore, when all have it. */
    static String prefix(AbiModel model) {
        String candidate = model.crate().libName() + "_";
        return !model.functions().isEmpty() && model.functions().stream().allMatch(f -> f.symbol()
                .startsWith(candidate)) ? candidate : "";
    }

    private CAbiLayer build(NativeLayer natives) throws BindingException {
        String className = JavaNames.upperCamel(model.crate().libName());
        String exceptionClass = className + "Exception";
        Map<String, AbiFunction> functions = new TreeMap<>();
        model.functions().forEach(f -> functions.put(f.symbol(), f));
        ErrorConvention errors = errorConvention(functions);
        List<ErrorClass> errorClasses = errorClasses();
        Map<String, CAbiObject> objects = objects(functions, errors);
        Set<String> taken = new HashSet<>(Set.of(className, exceptionClass, config.rawClass()));
        objects.values().forEach(o -> taken.add(o.className()));
        Map<String, RecordType> records = records(taken);
        objects.replaceAll((name, object) -> withIterator(object, functions, records));
        if (!problems.isEmpty()) {
            throw new BindingException("[package.metadata.ferrule] of " + model.crate().name()
                    + " does not match the crate:", problems);
        }
        CAbiMethodMapper mapper = new CAbiMethodMapper(carriers, prefix, objects, records, errors);
        Set<String> convention = new TreeSet<>();
        objects.values().forEach(o -> convention.add(o.release()));
        // The error convention's functions and the free functions of owned results are part of how
        // calls work, not methods of their own.
        if (errors != null) {
            java.util.stream.Stream.of(errors.lastError(), errors.codeMessage()).filter(java.util.Objects::nonNull)
                    .forEach(convention::add);
            if (errors.errorObject() != null) {
                java.util.stream.Stream.of(errors.errorObject().message(), errors.errorObject().code(),
                        errors.errorObject().release()).filter(java.util.Objects::nonNull).forEach(convention::add);
            }
        }
        objects.values().forEach(o -> o.iterator().ifPresent(i -> convention.add(i.next())));
        config.metadata().functions().values().stream().map(FerruleMetadata.FunctionMetadata::free)
                .filter(java.util.Objects::nonNull).forEach(convention::add);
        List<CAbiMethod> methods = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> undecidable = new ArrayList<>();
        for (AbiFunction function : model.functions()) {
            Optional<NativeFunction> raw = natives.function(function.symbol());
            if (raw.isEmpty() || !config.selects(function.symbol()) || convention.contains(function.symbol())) {
                continue;
            }
            FerruleMetadata.FunctionMetadata meta = config.metadata().function(function.symbol());
            if (meta.rawOnly()) {
                skipped.add(function.symbol() + ": raw-only by [package.metadata.ferrule]; use " + config.rawClass());
                continue;
            }
            try {
                methods.add(mapper.map(function, raw.get(), meta));
            } catch (MethodMapper.Undecidable e) {
                undecidable.add(function.symbol() + ": " + e.getMessage() + ". Fix: " + e.fix()
                        + (e.fix().endsWith("raw-only = true") ? "" : ", or leave it to " + config.rawClass()
                                + " with\n    [package.metadata.ferrule.functions." + function.symbol()
                                + "]\n    raw-only = true"));
            }
        }
        if (!undecidable.isEmpty()) {
            throw new BindingException("The safe layer of " + model.crate().name() + " cannot be generated: "
                    + undecidable.size() + " function(s) are undecidable, and Ferrule does not guess.", undecidable);
        }
        Set<String> used = new TreeSet<>();
        for (CAbiMethod method : methods) {
            method.params().forEach(p -> usedRecord(p.mapping(), used));
            if (!method.result().isVoid()) {
                usedRecord(method.result().mapping(), used);
            }
        }
        List<RecordType> usedRecords = records.values().stream().filter(r -> used.contains(r.name())).toList();
        return new CAbiLayer(prefix, className, exceptionClass, errors, List.copyOf(methods),
                List.copyOf(objects.values()), errorClasses, usedRecords, constants(natives),
                List.copyOf(mapper.callbacks().values()), List.copyOf(skipped));
    }

    private static void usedRecord(Mapping mapping, Set<String> used) {
        if (mapping.kind() == Mapping.Kind.RECORD || mapping.kind() == Mapping.Kind.OPTIONAL) {
            used.add(mapping.target());
        }
    }

    // ---- errors --------------------------------------------------------------------------------

    private ErrorConvention errorConvention(Map<String, AbiFunction> functions) {
        FerruleMetadata.Errors declared = config.metadata().errors();
        if (declared == null) {
            return null;
        }
        String at = "[package.metadata.ferrule.errors]";
        String statusType = "int";
        if (declared.codes() != null) {
            Set<String> types = new TreeSet<>();
            codes().forEach(c -> types.add(c.type().c()));
            if (types.isEmpty()) {
                problems.add(at + " codes = \"" + declared.codes() + "\" names no pub const; constants are "
                        + model.constants().stream().map(AbiConstant::name).toList());
            } else if (types.size() > 1) {
                problems.add(at + " codes = \"" + declared.codes() + "\" names constants of several C types "
                        + types + "; a status has one type");
            } else {
                statusType = types.iterator().next();
            }
        }
        if (declared.lastError() != null) {
            AbiFunction lastError = functions.get(declared.lastError());
            if (lastError == null || !lastError.params().isEmpty() || !returnsCString(lastError)) {
                problems.add(at + " last-error = \"" + declared.lastError() + "\" must name an export that takes"
                        + " nothing and returns a C string (*const c_char)" + (lastError == null ? "; there is none"
                        : "; it is " + signature(lastError)));
            }
        }
        if (declared.codeMessage() != null) {
            AbiFunction codeMessage = functions.get(declared.codeMessage());
            if (codeMessage == null || codeMessage.params().size() != 1 || !returnsCString(codeMessage)) {
                problems.add(at + " code-message = \"" + declared.codeMessage() + "\" must name an export that"
                        + " takes a code and returns a C string (*const c_char)" + (codeMessage == null
                        ? "; there is none" : "; it is " + signature(codeMessage)));
            }
        }
        return new ErrorConvention(declared.success(), statusType, declared.lastError(), declared.codeMessage(),
                errorObject(declared, functions));
    }

    /** The declared error type, its message and code functions, and its release function. */
    private BindingModel.ErrorObject errorObject(FerruleMetadata.Errors declared, Map<String, AbiFunction> functions) {
        String type = declared.errorType();
        if (type == null) {
            return null;
        }
        String at = "[package.metadata.ferrule.errors]";
        if (model.types().stream().noneMatch(t -> t.name().equals(type) && t.kind() == AbiModel.TypeKind.OPAQUE)) {
            problems.add(at + " error-type = \"" + type + "\" names no opaque type; opaque types are "
                    + model.types().stream().filter(t -> t.kind() == AbiModel.TypeKind.OPAQUE).map(AbiType::name)
                            .toList());
            return null;
        }
        AbiFunction message = functions.get(declared.errorMessage());
        if (message == null || message.params().size() != 1 || !returnsCString(message)
                || !pointsTo(CType.parse(message.params().get(0).type().c()), type, 1)) {
            problems.add(at + " error-message = \"" + declared.errorMessage() + "\" must name an export that takes"
                    + " a *const " + type + " and returns a C string" + (message == null ? "; there is none"
                    : "; it is " + signature(message)));
        }
        if (declared.errorCode() != null) {
            AbiFunction code = functions.get(declared.errorCode());
            if (code == null || code.params().size() != 1 || code.returns() == null
                    || carriers.value(CType.parse(code.returns().c())).filter(c -> c.kind() == Carrier.Kind.INT)
                            .isEmpty()) {
                problems.add(at + " error-code = \"" + declared.errorCode() + "\" must name an export that takes a"
                        + " *const " + type + " and returns an int" + (code == null ? "; there is none"
                        : "; it is " + signature(code)));
            }
        }
        Optional<String> release = release(type, functions);
        if (release.isEmpty()) {
            problems.add(at + " error-type = \"" + type + "\" has no release function: name one ending in "
                    + RELEASE_ENDINGS + ", or add release = \"...\" in [package.metadata.ferrule.objects." + type + "]");
            return null;
        }
        return new BindingModel.ErrorObject(type, declared.errorMessage(), declared.errorCode(), release.get());
    }

    /** The declared release function of a type, or the one export whose name and type say so. */
    private Optional<String> release(String type, Map<String, AbiFunction> functions) {
        String declared = config.metadata().object(type).release();
        if (declared != null) {
            return Optional.ofNullable(functions.get(declared)).filter(f -> releases(f, type)).map(f -> declared);
        }
        List<AbiFunction> named = functions.values().stream().filter(f -> releases(f, type) && RELEASE_ENDINGS
                .stream().anyMatch(e -> f.symbol().endsWith(e))).toList();
        return named.size() == 1 ? Optional.of(named.get(0).symbol()) : Optional.empty();
    }

    private List<AbiConstant> codes() {
        FerruleMetadata.Errors declared = config.metadata().errors();
        return declared == null || declared.codes() == null ? List.of() : model.constants().stream()
                .filter(c -> c.name().startsWith(declared.codes()) && integer(c.value()).isPresent()).toList();
    }

    /** An exception subclass per declared error code, named after the constant. */
    private List<ErrorClass> errorClasses() {
        FerruleMetadata.Errors declared = config.metadata().errors();
        List<ErrorClass> classes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (AbiConstant code : codes()) {
            long value = integer(code.value()).orElseThrow();
            if (value == declared.success()) {
                continue;
            }
            String name = JavaNames.upperCamel(JavaNames.lowerCamel(code.name().substring(declared.codes().length())
                    .toLowerCase(java.util.Locale.ROOT))) + "Exception";
            if (!names.add(name)) {
                name = JavaNames.upperCamel(JavaNames.lowerCamel(code.name().toLowerCase(java.util.Locale.ROOT)))
                        + "Exception";
                names.add(name);
            }
            classes.add(new ErrorClass(name, (int) value, code.docs() == null ? code.name() : code.docs().strip(),
                    code.name()));
        }
        return List.copyOf(classes);
    }

    /** The integer a constant's Rust literal spells ({@code 5}, {@code -1i32}, {@code 7u32}). */
    static Optional<Long> integer(String literal) {
        if (literal == null) {
            return Optional.empty();
        }
        String digits = literal.replaceAll("(?<=[0-9])_?(i|u)(8|16|32|64|128|size)$", "").replace("_", "");
        try {
            return Optional.of(Long.decode(digits));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private boolean returnsCString(AbiFunction function) {
        return function.returns() != null && isCString(CType.parse(function.returns().c()));
    }

    /** {@code char*} or {@code const char*}: what Rust's {@code *const c_char} is in C. */
    static boolean isCString(CType c) {
        return c instanceof CType.Pointer pointer && pointer.pointee() instanceof CType.Named named
                && named.name().equals("char");
    }

    private static String signature(AbiFunction function) {
        return function.symbol() + "(" + String.join(", ", function.params().stream().map(p -> p.type().c())
                .toList()) + ") -> " + (function.returns() == null ? "void" : function.returns().c());
    }

    // ---- objects -------------------------------------------------------------------------------

    /**
     * The opaque types that have both a constructor (a function returning {@code *mut T}, or
     * writing one through {@code *mut *mut T}) and one release function.
     */
    private Map<String, CAbiObject> objects(Map<String, AbiFunction> functions, ErrorConvention errors) {
        Map<String, CAbiObject> objects = new TreeMap<>();
        Set<String> opaque = new TreeSet<>();
        model.types().stream().filter(t -> t.kind() == AbiModel.TypeKind.OPAQUE).map(AbiType::name)
                .forEach(opaque::add);
        String errorType = errors == null || errors.errorObject() == null ? null : errors.errorObject().type();
        config.metadata().objects().keySet().stream().filter(name -> !opaque.contains(name)).forEach(name ->
                problems.add("[package.metadata.ferrule.objects." + name + "] names no opaque type; opaque types"
                        + " are " + opaque));
        for (String type : opaque) {
            if (type.equals(errorType)) {
                // The error type is the error convention's, not an object the API hands out.
                continue;
            }
            FerruleMetadata.ObjectMetadata meta = config.metadata().object(type);
            boolean constructed = functions.values().stream().anyMatch(f -> makes(f, type));
            Optional<String> release = release(type, functions);
            if (meta.release() != null && release.isEmpty()) {
                AbiFunction declared = functions.get(meta.release());
                problems.add("[package.metadata.ferrule.objects." + type + "] release = \"" + meta.release()
                        + "\" must name an export that takes one *mut " + type + " and returns nothing"
                        + (declared == null ? "; there is none" : "; it is " + signature(declared)));
                continue;
            }
            if (release.isEmpty()) {
                // Without its one release function the type is no object; its functions say so when mapped.
                continue;
            }
            Source source = meta.release() != null ? Source.METADATA : Source.CONVENTION;
            if (!constructed) {
                continue;
            }
            String word = type.startsWith(prefix) ? type.substring(prefix.length()) : type;
            objects.put(type, new CAbiObject(type, JavaNames.upperCamel(JavaNames.lowerCamel(word)), release.get(),
                    new Decision(meta.shareable(), meta.shareable() ? Source.METADATA : Source.CONVENTION),
                    source));
        }
        return objects;
    }

    private static boolean makes(AbiFunction function, String type) {
        if (function.returns() != null && pointsTo(CType.parse(function.returns().c()), type, 1)) {
            return true;
        }
        return function.params().stream().anyMatch(p -> pointsTo(CType.parse(p.type().c()), type, 2));
    }

    private static boolean releases(AbiFunction function, String type) {
        return function.returns() == null && function.params().size() == 1
                && CType.parse(function.params().get(0).type().c()) instanceof CType.Pointer pointer
                && !pointer.constPointee() && pointsTo(pointer, type, 1);
    }

    /** Whether {@code c} is {@code struct type} behind exactly {@code depth} pointers. */
    static boolean pointsTo(CType c, String type, int depth) {
        CType current = c;
        for (int i = 0; i < depth; i++) {
            if (!(current instanceof CType.Pointer pointer)) {
                return false;
            }
            current = pointer.pointee();
        }
        return current instanceof CType.Tagged tagged && tagged.name().equals(type);
    }

    /**
     * An object whose metadata names a {@code next} function is an iterator over what that
     * writes: a {@code (*const u8, size_t)} pair as bytes (a {@code c_char} pair as text), a C
     * string, or a record.
     */
    private CAbiObject withIterator(CAbiObject object, Map<String, AbiFunction> functions,
            Map<String, RecordType> records) {
        String next = config.metadata().object(object.name()).next();
        if (next == null) {
            return object;
        }
        String at = "[package.metadata.ferrule.objects." + object.name() + "] next = \"" + next + "\"";
        AbiFunction function = functions.get(next);
        if (function == null || function.params().isEmpty()
                || !pointsTo(CType.parse(function.params().get(0).type().c()), object.name(), 1)) {
            problems.add(at + " must name an export whose first parameter is the " + object.name()
                    + (function == null ? "; there is none" : "; it is " + signature(function)));
            return object;
        }
        Optional<Carrier> returns = function.returns() == null ? Optional.empty()
                : carriers.value(CType.parse(function.returns().c()))
                        .filter(c -> c.kind() == Carrier.Kind.BOOLEAN || c.kind() == Carrier.Kind.INT);
        List<CType> outs = function.params().stream().skip(1).map(p -> CType.parse(p.type().c())).toList();
        Optional<Mapping> element = returns.isEmpty() ? Optional.empty() : element(outs, records);
        if (element.isEmpty()) {
            problems.add(at + " must return bool or int and write its item through out-parameters: a (*mut *const"
                    + " u8, *mut size_t) pair, a *mut *const c_char or a *mut to a repr(C) struct; it is "
                    + signature(function));
            return object;
        }
        List<Integer> indexes = new ArrayList<>();
        for (int i = 1; i < function.params().size(); i++) {
            indexes.add(i);
        }
        return new CAbiObject(object.name(), object.className(), object.release(), object.shareable(),
                object.source(), Optional.of(new BindingModel.CAbiIterator(next, element.get(), List.copyOf(indexes),
                        Source.METADATA)));
    }

    private Optional<Mapping> element(List<CType> outs, Map<String, RecordType> records) {
        if (outs.size() == 2 && outs.get(0) instanceof CType.Pointer first && !first.constPointee()
                && first.pointee() instanceof CType.Pointer data && data.constPointee()
                && outs.get(1) instanceof CType.Pointer second && !second.constPointee()
                && carriers.table().primitive(second.pointee()).filter("usize"::equals).isPresent()) {
            Optional<String> byteType = carriers.table().primitive(data.pointee());
            if (byteType.filter("u8"::equals).isPresent()) {
                return Optional.of(Mapping.bytes());
            }
            if (byteType.filter("i8"::equals).isPresent() && isCString(data)) {
                return Optional.of(Mapping.string());
            }
        }
        if (outs.size() == 1 && outs.get(0) instanceof CType.Pointer out && !out.constPointee()) {
            if (isCString(out.pointee())) {
                return Optional.of(Mapping.cString());
            }
            if (out.pointee() instanceof CType.Tagged tagged && records.containsKey(tagged.name())) {
                RecordType record = records.get(tagged.name());
                return Optional.of(Mapping.record(record.name(), record.className(), false));
            }
        }
        return Optional.empty();
    }

    // ---- records and constants -----------------------------------------------------------------

    private Map<String, RecordType> records(Set<String> taken) {
        ValueTypes values = new ValueTypes(carriers, Set.of(), null, true);
        Set<String> all = new TreeSet<>();
        model.types().stream().map(AbiType::name).forEach(all::add);
        Map<String, String> classNames = new TreeMap<>();
        List<RecordType> found = values.records(all);
        for (RecordType record : found) {
            String word = record.name().startsWith(prefix) ? record.name().substring(prefix.length())
                    : record.name();
            String className = JavaNames.upperCamel(JavaNames.lowerCamel(word));
            if (taken.add(className)) {
                classNames.put(record.name(), className);
            }
        }
        Map<String, RecordType> records = new TreeMap<>();
        for (RecordType record : found) {
            // A record whose nested record has no class has none either.
            boolean complete = classNames.containsKey(record.name()) && record.fields().stream().allMatch(f ->
                    f.mapping().kind() != Mapping.Kind.RECORD || classNames.containsKey(f.mapping().target()));
            if (!complete) {
                continue;
            }
            AbiType struct = carriers.table().type(record.name());
            List<BindingModel.RecordField> fields = new ArrayList<>();
            for (BindingModel.RecordField f : record.fields()) {
                Mapping mapping = switch (f.mapping().kind()) {
                    case RECORD -> Mapping.record(f.mapping().target(), classNames.get(f.mapping().target()), false);
                    // Unsigned fields widen as parameters do, so a field reads as what a parameter takes.
                    case VALUE -> struct.fields().stream().filter(field -> field.name().equals(f.name()))
                            .findFirst().flatMap(field -> CAbiMethodMapper.valueMapping(carriers,
                                    CType.parse(field.type().c()))).orElse(f.mapping());
                    default -> f.mapping();
                };
                fields.add(new BindingModel.RecordField(f.name(), f.javaName(), mapping, f.offset(), f.unaligned(),
                        f.rust(), f.docs()));
            }
            records.put(record.name(), new RecordType(record.name(), classNames.get(record.name()), record.path(),
                    record.size(), record.align(), List.copyOf(fields), record.docs()));
        }
        return records;
    }

    /**
     * The crate's integer constants in the facade, named without the library's prefix, unsigned
     * ones widened as the methods' parameters are so that flags combine with {@code |}. The error
     * codes are left out: the exception classes stand for them.
     */
    private List<CAbiConstant> constants(NativeLayer natives) {
        Set<String> codes = new HashSet<>();
        codes().forEach(c -> codes.add(c.name()));
        String constantPrefix = prefix.toUpperCase(java.util.Locale.ROOT);
        List<CAbiConstant> constants = new ArrayList<>();
        for (NativeConstant constant : natives.constants()) {
            if (codes.contains(constant.rustName()) || constant.carrier().kind() == Carrier.Kind.BOOLEAN) {
                continue;
            }
            Mapping mapping = CAbiMethodMapper.valueMapping(carriers, CType.parse(constant.c()))
                    .orElse(Mapping.value(constant.carrier()));
            long value = mapping.javaType().equals(constant.carrier().javaType()) ? constant.bits()
                    : constant.bits() & switch (constant.carrier().kind()) {
                        case BYTE -> 0xFFL;
                        case SHORT -> 0xFFFFL;
                        default -> 0xFFFF_FFFFL;
                    };
            String name = constant.rustName().startsWith(constantPrefix) && constant.rustName().length()
                    > constantPrefix.length() ? constant.rustName().substring(constantPrefix.length())
                    : constant.rustName();
            constants.add(new CAbiConstant(JavaNames.identifier(name), constant.rustName(), mapping, value,
                    constant.docs()));
        }
        return List.copyOf(constants);
    }
}
