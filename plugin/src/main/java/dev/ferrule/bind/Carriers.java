package dev.ferrule.bind;

import dev.ferrule.abi.AbiModel;
import dev.ferrule.abi.AbiModel.AbiType;
import dev.ferrule.abi.CType;
import dev.ferrule.abi.CTypeTable;
import java.util.Map;
import java.util.Optional;

/** Which {@link Carrier} each C type of one model travels as, on that model's target. */
final class Carriers {

    private static final Map<String, Carrier.Kind> ENUM_REPRS = Map.of("u8", Carrier.Kind.BYTE, "i8",
            Carrier.Kind.BYTE, "u16", Carrier.Kind.SHORT, "i16", Carrier.Kind.SHORT, "u32", Carrier.Kind.INT, "i32",
            Carrier.Kind.INT, "C", Carrier.Kind.INT, "u64", Carrier.Kind.LONG, "i64", Carrier.Kind.LONG);

    private final CTypeTable table;

    Carriers(CTypeTable table) {
        this.table = table;
    }

    CTypeTable table() {
        return table;
    }

    /** The carrier of a C type, or empty when it has none (a non-FFI-safe, opaque or unknown type). */
    Optional<Carrier> of(CType c) {
        if (table.isAddress(c)) {
            return Optional.of(Carrier.of(Carrier.Kind.ADDRESS));
        }
        if (c instanceof CType.Array array) {
            return of(array.element()).map(element -> Carrier.sequence(array.length(), element));
        }
        Optional<String> primitive = table.primitive(c);
        if (primitive.isPresent()) {
            return ofPrimitive(primitive.get());
        }
        if (c.kind() == CType.Kind.ENUM) {
            AbiType type = table.type(c);
            return type == null ? Optional.empty() : ofEnumRepr(type.repr());
        }
        if (c.kind() == CType.Kind.STRUCT || c.kind() == CType.Kind.UNION) {
            AbiType type = table.type(c);
            if (type == null || type.size() == null || type.kind() == AbiModel.TypeKind.OPAQUE) {
                return Optional.empty();
            }
            return Optional.of(Carrier.struct(type.name()));
        }
        return Optional.empty();
    }

    /** A value carrier (a number or a boolean), or empty for memory and unknown types. */
    Optional<Carrier> value(CType c) {
        return of(c).filter(Carrier::isValue);
    }

    /** A fieldless enum crosses as its integer representation. */
    static Optional<Carrier> ofEnumRepr(String repr) {
        return Optional.ofNullable(ENUM_REPRS.get(repr)).map(Carrier::of);
    }

    private Optional<Carrier> ofPrimitive(String primitive) {
        Carrier.Kind kind = switch (primitive) {
            case "i8", "u8" -> Carrier.Kind.BYTE;
            case "i16", "u16" -> Carrier.Kind.SHORT;
            case "i32", "u32" -> Carrier.Kind.INT;
            case "i64", "u64" -> Carrier.Kind.LONG;
            case "isize", "usize" -> table.pointerSize() == 8 ? Carrier.Kind.LONG : Carrier.Kind.INT;
            case "f32" -> Carrier.Kind.FLOAT;
            case "f64" -> Carrier.Kind.DOUBLE;
            case "bool" -> Carrier.Kind.BOOLEAN;
            default -> null;
        };
        return Optional.ofNullable(kind).map(Carrier::of);
    }

    /** Bytes a type with a carrier occupies. */
    long size(CType c) {
        return table.size(c).orElseThrow(() -> new IllegalStateException("no size for " + c.spelling()));
    }

    /** The natural alignment of a type with a carrier. */
    long align(CType c) {
        return table.align(c).orElseThrow(() -> new IllegalStateException("no alignment for " + c.spelling()));
    }
}
