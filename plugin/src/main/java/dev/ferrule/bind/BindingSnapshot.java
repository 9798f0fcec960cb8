package dev.ferrule.bind;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ferrule.util.MayBeAbsent;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Java API of a crate as its ABI snapshot records it, beside the C ABI: what
 * {@code [package.metadata.ferrule]} declared, and the mapping chosen for every parameter and
 * result of every safe method, with its reason, the objects and the exports left to the raw
 * class. With it, check-abi sees a change that breaks Java source even when the C ABI is
 * unchanged: renaming {@code name_len} to {@code len} makes a {@code String} a {@code byte[]}.
 * Java package and class names are left out: they belong to the build that generates, not to
 * the crate.
 *
 * @param metadata  {@code [package.metadata.ferrule.functions]}, by export
 * @param methods   every export with a safe method, by symbol
 * @param objects   the object types, by name
 * @param rawOnly   exports the metadata leaves to the raw class
 */
@JsonPropertyOrder({"metadata", "methods", "objects", "rawOnly"})
public record BindingSnapshot(Map<String, DeclaredFunction> metadata, List<MethodRecord> methods,
        List<ObjectRecord> objects, List<String> rawOnly) {

    public BindingSnapshot {
        metadata = metadata == null ? Map.of() : new TreeMap<>(metadata);
        methods = methods == null ? List.of() : methods.stream().sorted(Comparator.comparing(MethodRecord::symbol,
                Comparator.nullsFirst(Comparator.naturalOrder()))).toList();
        objects = objects == null ? List.of() : objects.stream().sorted(Comparator.comparing(ObjectRecord::name,
                Comparator.nullsFirst(Comparator.naturalOrder()))).toList();
        rawOnly = rawOnly == null ? List.of() : rawOnly.stream().sorted().toList();
    }

    /** One export's {@code [package.metadata.ferrule.functions.<symbol>]}, as declared. */
    @JsonPropertyOrder({"critical", "raw-only", "params", "returns", "free"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeclaredFunction(boolean critical, @JsonProperty("raw-only") boolean rawOnly,
            Map<String, String> params, @MayBeAbsent String returns, @MayBeAbsent String free) {

        public DeclaredFunction {
            params = params == null ? null : new TreeMap<>(params);
        }

        public DeclaredFunction(boolean critical, boolean rawOnly, Map<String, String> params, String returns) {
            this(critical, rawOnly, params, returns, null);
        }
    }

    /**
     * A safe method.
     *
     * @param java     the facade method's name
     * @param owner    where an object's class presents it ({@code Counter.add}, {@code Counter.create});
     *                 absent for a free function
     * @param checked  whether its {@code i32} result is a status that is checked and thrown
     * @param status   why it is, or is not: {@code convention} or {@code metadata}
     * @param returns  absent for {@code void}
     */
    @JsonPropertyOrder({"symbol", "java", "owner", "checked", "status", "params", "returns"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MethodRecord(String symbol, String java, @MayBeAbsent String owner, boolean checked,
            String status, List<ParamRecord> params, @MayBeAbsent ParamRecord returns) {
    }

    /**
     * A parameter or a result and its mapping.
     *
     * @param name     the Rust name of its first C parameter; absent for a result
     * @param mapping  as {@link Mapping#describe()} writes it: {@code string}, {@code value:long}
     * @param java     the Java type the facade declares; absent for the out-parameter
     * @param source   why: {@code declared}, {@code rust_type}, {@code metadata} or {@code convention}
     */
    @JsonPropertyOrder({"name", "mapping", "java", "source"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ParamRecord(@MayBeAbsent String name, String mapping, @MayBeAbsent String java, String source) {
    }

    /** An object type: its class, and the exports that make, copy and release one. */
    @JsonPropertyOrder({"name", "java", "constructor", "release", "clone"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ObjectRecord(String name, String java, String constructor, String release,
            @JsonProperty("clone") @MayBeAbsent String cloner) {
    }
}
