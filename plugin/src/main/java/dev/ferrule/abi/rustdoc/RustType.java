package dev.ferrule.abi.rustdoc;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A Rust type as rustdoc describes it, independent of rustdoc's JSON format version. Adapters
 * produce it; nothing downstream sees rustdoc's own shapes.
 */
public sealed interface RustType {

    /** The type as a Rust programmer would write it. */
    String display();

    /** {@code i32}, {@code bool}, {@code str}, ... */
    record Primitive(String name) implements RustType {
        @Override
        public String display() {
            return name;
        }
    }

    /**
     * A named type. {@code itemId} points into the crate's items when the type is defined in this
     * crate; {@code path} is the name as written ({@code Option}, {@code std::ffi::c_void}).
     */
    record Named(String path, String itemId, boolean local, List<RustType> args) implements RustType {
        public String lastSegment() {
            return path.substring(path.lastIndexOf(':') + 1);
        }

        @Override
        public String display() {
            return args.isEmpty() ? path
                    : path + args.stream().map(RustType::display).collect(Collectors.joining(", ", "<", ">"));
        }
    }

    /** {@code &T} or {@code &mut T}. */
    record Reference(boolean mutable, RustType target) implements RustType {
        @Override
        public String display() {
            return (mutable ? "&mut " : "&") + target.display();
        }
    }

    /** {@code *const T} or {@code *mut T}. */
    record RawPointer(boolean mutable, RustType target) implements RustType {
        @Override
        public String display() {
            return (mutable ? "*mut " : "*const ") + target.display();
        }
    }

    /** {@code extern "C" fn(..) -> ..}. */
    record FunctionPointer(Signature signature) implements RustType {
        @Override
        public String display() {
            return signature.display("fn");
        }
    }

    /** {@code (A, B)}; the empty tuple is {@code ()}. */
    record Tuple(List<RustType> elements) implements RustType {
        @Override
        public String display() {
            return elements.stream().map(RustType::display).collect(Collectors.joining(", ", "(", ")"));
        }
    }

    /** {@code [T]}. */
    record Slice(RustType element) implements RustType {
        @Override
        public String display() {
            return "[" + element.display() + "]";
        }
    }

    /** {@code [T; N]}. */
    record Array(RustType element, String length) implements RustType {
        @Override
        public String display() {
            return "[" + element.display() + "; " + length + "]";
        }
    }

    /**
     * {@code <T as Trait>::Name}: an associated type, which rustdoc leaves unresolved. ferrule-ffi's
     * attributes write {@code <Settings as ferrule_ffi::bridge::Argument>::Abi}, whose C form the
     * crate's declarations decide.
     *
     * @param traitId  the trait's item, for its path in another crate
     */
    record Projection(RustType self, String traitPath, String traitId, String name) implements RustType {
        @Override
        public String display() {
            String trait = traitPath.substring(traitPath.lastIndexOf(':') + 1);
            return "<" + self.display() + " as " + trait + ">::" + name;
        }
    }

    /** Anything else ({@code dyn Trait}, generics, {@code impl Trait}); never FFI-safe. */
    record Other(String description) implements RustType {
        @Override
        public String display() {
            return description;
        }
    }

    /** A parameter of a function or function pointer. */
    record Param(String name, RustType type) {
    }

    /**
     * A function signature.
     *
     * @param abi     {@code Rust}, {@code C}, {@code system}, ...
     * @param output  null for {@code ()}
     */
    record Signature(String abi, boolean unwind, boolean unsafe, boolean variadic, List<Param> params,
            RustType output) {

        String display(String keyword) {
            String prefix = (unsafe ? "unsafe " : "") + (abi.equals("Rust") ? "" : "extern \"" + abi
                    + (unwind ? "-unwind" : "") + "\" ");
            String args = params.stream().map(p -> p.name() + ": " + p.type().display())
                    .collect(Collectors.joining(", ", "(", variadic ? ", ...)" : ")"));
            return prefix + keyword + args + (output == null ? "" : " -> " + output.display());
        }
    }
}
