package dev.ferrule.bind;

import dev.ferrule.abi.AbiModel;
import dev.ferrule.abi.AbiModel.AbiType;
import dev.ferrule.abi.AbiModel.Field;
import dev.ferrule.abi.AbiModel.TypeKind;
import dev.ferrule.abi.CType;
import dev.ferrule.bind.BindingModel.EnumType;
import dev.ferrule.bind.BindingModel.EnumVariant;
import dev.ferrule.bind.BindingModel.RecordField;
import dev.ferrule.bind.BindingModel.RecordType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which of the crate's types become Java value types: a record per {@code #[repr(C)]} struct
 * whose fields are all values (numbers, booleans, such enums and such structs), and a Java enum
 * per fieldless enum with an integer repr. A type whose Java name another generated class
 * already has gets none.
 */
final class ValueTypes {

    private final Carriers carriers;
    private final Map<String, AbiType> enums = new TreeMap<>();
    private final Map<String, AbiType> records = new TreeMap<>();

    /** What the crate declares: its records' unsigned fields are widened, as declared parameters are. */
    private final AbiModel.Declared declared;

    /** Whether a {@code char[N]} field is text: a C ABI's fixed-size string buffer. */
    private final boolean charArrays;

    ValueTypes(Carriers carriers, Set<String> takenNames, AbiModel.Declared declared) {
        this(carriers, takenNames, declared, false);
    }

    ValueTypes(Carriers carriers, Set<String> takenNames, AbiModel.Declared declared, boolean charArrays) {
        this.carriers = carriers;
        this.declared = declared;
        this.charArrays = charArrays;
        for (AbiType type : carriers.table().all()) {
            if (!takenNames.contains(type.name()) && type.kind() == TypeKind.ENUM
                    && Carriers.ofEnumRepr(type.repr()).isPresent()) {
                enums.put(type.name(), type);
            }
        }
        // Records may nest, so a struct qualifies once every struct field's type does.
        boolean grew = true;
        while (grew) {
            grew = false;
            for (AbiType type : carriers.table().all()) {
                if (!takenNames.contains(type.name()) && !records.containsKey(type.name())
                        && type.kind() == TypeKind.STRUCT && type.size() != null && !type.fields().isEmpty()
                        && type.fields().stream().allMatch(f -> f.offset() != null
                                && fieldMapping(CType.parse(f.type().c())).isPresent())) {
                    records.put(type.name(), type);
                    grew = true;
                }
            }
        }
    }

    /** The Java enum for a C type such as {@code enum Mode}, if one is generated. */
    Optional<AbiType> enumOf(CType c) {
        return c.kind() == CType.Kind.ENUM ? Optional.ofNullable(enums.get(((CType.Tagged) c).name()))
                : Optional.empty();
    }

    /** The record for a C type such as {@code struct Point}, if one is generated. */
    Optional<AbiType> recordOf(CType c) {
        return c.kind() == CType.Kind.STRUCT ? Optional.ofNullable(records.get(((CType.Tagged) c).name()))
                : Optional.empty();
    }

    Mapping enumMapping(AbiType type) {
        return Mapping.enumeration(type.name(), Carriers.ofEnumRepr(type.repr()).orElseThrow());
    }

    /** A record field's mapping: a value, an enum or a nested record; empty for anything else. */
    private Optional<Mapping> fieldMapping(CType c) {
        Optional<AbiType> nestedEnum = enumOf(c);
        if (nestedEnum.isPresent()) {
            return Optional.of(enumMapping(nestedEnum.get()));
        }
        if (c.kind() == CType.Kind.STRUCT) {
            return recordOf(c).map(r -> Mapping.record(r.name(), false));
        }
        if (charArrays && c instanceof CType.Array array && array.element() instanceof CType.Named named
                && named.name().equals("char") && array.length() > 0) {
            return Optional.of(Mapping.charArray(array.length()));
        }
        return carriers.value(c).map(Mapping::value);
    }

    /** The records that the named types need, themselves included: nested records and enums. */
    List<RecordType> records(Set<String> used) {
        return closure(used).stream().filter(records::containsKey).map(name -> record(records.get(name))).toList();
    }

    /** The enums that the named types need, themselves included, through record fields. */
    List<EnumType> enums(Set<String> used) {
        return closure(used).stream().filter(enums::containsKey).map(name -> javaEnum(enums.get(name))).toList();
    }

    private Set<String> closure(Set<String> used) {
        Set<String> closure = new TreeSet<>(used);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (String name : List.copyOf(closure)) {
                AbiType record = records.get(name);
                if (record == null) {
                    continue;
                }
                for (Field field : record.fields()) {
                    for (String inner : CType.parse(field.type().c()).referencedNames()) {
                        grew |= (enums.containsKey(inner) || records.containsKey(inner)) && closure.add(inner);
                    }
                }
            }
        }
        return closure;
    }

    private RecordType record(AbiType struct) {
        List<RecordField> fields = new ArrayList<>();
        for (Field field : struct.fields()) {
            CType c = CType.parse(field.type().c());
            Mapping mapping = declaredUnsigned(struct.name(), field.name())
                    ? Mapping.unsigned(carriers.value(c).orElseThrow()) : fieldMapping(c).orElseThrow();
            // Packed structs put fields below their natural alignment; FFM needs the unaligned accessors then.
            boolean unaligned = mapping.kind() != Mapping.Kind.RECORD && mapping.kind() != Mapping.Kind.C_STRING
                    && carriers.size(c) > 1
                    && struct.align() < carriers.size(c);
            fields.add(new RecordField(field.name(), JavaNames.identifier(JavaNames.lowerCamel(field.name())),
                    mapping, field.offset(), unaligned, field.type().rust(), field.docs()));
        }
        return new RecordType(struct.name(), struct.path(), struct.size(), struct.align(), List.copyOf(fields),
                struct.docs());
    }

    private boolean declaredUnsigned(String record, String field) {
        return declared != null && declared.records().stream().filter(r -> r.name().equals(record))
                .flatMap(r -> r.fields().stream()).anyMatch(f -> f.name().equals(field)
                        && Mapping.widens(f.type()));
    }

    private static EnumType javaEnum(AbiType type) {
        return new EnumType(type.name(), type.path(), type.repr(), Carriers.ofEnumRepr(type.repr()).orElseThrow(),
                type.variants().stream().map(v -> new EnumVariant(v.name(), JavaNames.constant(v.name()), v.value(),
                        v.docs())).toList(), type.docs());
    }
}
