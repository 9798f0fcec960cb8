package dev.ferrule.gen;

import dev.ferrule.abi.AbiModel;
import dev.ferrule.abi.AbiModel.AbiFunction;
import dev.ferrule.abi.AbiModel.Param;
import dev.ferrule.abi.AbiModel.TypeRef;
import java.util.ArrayList;
import java.util.List;

/**
 * Models of a small ferrule-ffi crate, {@code demo}, written by hand for cases no real crate
 * should have: the runtime exports every such crate has, plus the functions a test adds.
 */
public final class DemoCrate {

    private static final TypeRef USIZE = new TypeRef("size_t", "usize", null, null);
    private static final TypeRef I32 = new TypeRef("int32_t", "i32", null, null);
    private static final TypeRef BUFFER_OUT = new TypeRef("struct FfiBuffer*", "*mut FfiBuffer",
            AbiModel.Ownership.RAW, null);

    private DemoCrate() {
    }

    public static final TypeRef U64 = new TypeRef("uint64_t", "u64", null, null);
    public static final TypeRef I64 = new TypeRef("int64_t", "i64", null, null);
    public static final TypeRef U64_OUT = new TypeRef("uint64_t*", "*mut u64", AbiModel.Ownership.RAW, null);

    /** The crate with ferrule-ffi's runtime exports and {@code FfiBuffer}, and {@code functions}. */
    public static AbiModel withRuntime(AbiFunction... functions) {
        return withRuntime(List.of(), functions);
    }

    /** As {@link #withRuntime(AbiFunction...)}, with the crate's error enums. */
    public static AbiModel withRuntime(List<AbiModel.ErrorEnum> errors, AbiFunction... functions) {
        List<AbiFunction> all = new ArrayList<>(List.of(
                function("demo_last_error_length", List.of(), USIZE),
                function("demo_last_error_message", List.of(new Param("buffer", new TypeRef("uint8_t*", "*mut u8",
                        AbiModel.Ownership.RAW, null)), new Param("capacity", USIZE)), USIZE),
                function("demo_buffer_free", List.of(new Param("buffer", BUFFER_OUT)), null),
                function("demo_live_objects", List.of(), new TypeRef("uint64_t", "u64", null, null)),
                function("demo_live_objects_report", List.of(new Param("out", BUFFER_OUT)), I32)));
        all.addAll(List.of(functions));
        AbiModel.AbiType buffer = new AbiModel.AbiType("FfiBuffer", "ferrule_ffi::FfiBuffer", AbiModel.TypeKind.STRUCT,
                "C", 16L, 8L, List.of(new AbiModel.Field("ptr", new TypeRef("uint8_t*", "*mut u8", AbiModel.Ownership.RAW,
                        null), 0L, null), new AbiModel.Field("len", USIZE, 8L, null)), null, null, null, null, null,
                null, null, null);
        return new AbiModel(AbiModel.SCHEMA_VERSION, new AbiModel.CrateInfo("demo", "1.0.0", "demo"),
                new AbiModel.BuildTarget("x86_64-unknown-linux-gnu", List.of(), "release"), all, List.of(buffer),
                errors, List.of(), List.of(), List.of(), List.of());
    }

    /** The model without one of its functions. */
    public static AbiModel without(AbiModel model, String symbol) {
        return new AbiModel(model.schemaVersion(), model.crate(), model.build(), model.functions().stream()
                .filter(f -> !f.symbol().equals(symbol)).toList(), model.types(), model.errors(), model.constants(),
                model.statics(), model.hiddenExports(), model.findings(), model.scalars());
    }

    /** A guarded export: an i32 status, parameters by name and type. */
    public static AbiFunction export(String symbol, Param... params) {
        return function(symbol, List.of(params), I32);
    }

    public static Param param(String name, TypeRef type) {
        return new Param(name, type);
    }

    /** An unsafe extern "C" export of the demo crate. */
    public static AbiFunction function(String symbol, List<Param> params, TypeRef returns) {
        return new AbiFunction(symbol, symbol, "demo::" + symbol, "C", params, returns, false, false, true, null, null,
                null, null);
    }
}
