package dev.ferrule.gen;

import dev.ferrule.bind.BindingModel.CAbiLayer;
import dev.ferrule.bind.BindingModel.CAbiMethod;
import dev.ferrule.bind.BindingModel.CAbiObject;
import dev.ferrule.bind.BindingModel.Param;
import dev.ferrule.bind.BindingModel.RecordType;
import dev.ferrule.bind.Mapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Ordinary arguments for the generated tests of a C ABI's safe layer, as Java source: small
 * valid values, and the statements that make the objects a call needs with the layer's own
 * constructors (or a method of another object), closed again in reverse.
 */
final class CAbiTestInputs {

    private final CAbiLayer layer;
    private final boolean abortOnRefusal;

    /**
     * @param abortOnRefusal  wrap each constructor call in the test's {@code made(..)}, which
     *                        aborts the case when the library refuses ordinary arguments
     */
    CAbiTestInputs(CAbiLayer layer, boolean abortOnRefusal) {
        this.layer = layer;
        this.abortOnRefusal = abortOnRefusal;
    }

    /**
     * What a test runs first: objects made in order, closed in reverse in {@code finally}.
     *
     * @param closeFirst  close the first object before the test's body: the use-after-close cases
     */
    record Setup(List<String> statements, List<String> closes, List<String> args, boolean closeFirst) {

        Setup closingFirst() {
            return new Setup(statements, closes, args, true);
        }

        String last() {
            return args.get(args.size() - 1);
        }
    }

    /**
     * Statements that make an object of {@code type} with ordinary arguments, after the objects
     * its maker needs: a constructor, or a method of another object.
     */
    Optional<Setup> make(String type, List<String> statements, int depth) {
        if (depth > 3) {
            return Optional.empty();
        }
        List<CAbiMethod> makers = layer.methods().stream().filter(m -> !m.result().isVoid()
                && m.result().mapping().kind() == Mapping.Kind.OBJECT && m.result().mapping().target().equals(type))
                .sorted((a, b) -> Integer.compare(a.javaParams().size(), b.javaParams().size())).toList();
        for (CAbiMethod maker : makers) {
            Optional<Setup> needs = setup(maker.javaParams(), statements, depth + 1);
            if (needs.isPresent()) {
                CAbiObject object = layer.object(type).orElseThrow();
                String variable = variableOf(object) + "$" + needs.get().statements().size();
                List<String> made = new ArrayList<>(needs.get().statements());
                String construct = layer.className() + "." + maker.name() + "(" + String.join(", ",
                        needs.get().args()) + ")";
                made.add(object.className() + " " + variable + " = " + (abortOnRefusal ? "made(() -> " + construct
                        + ", \"" + object.className() + "\")" : construct) + ";");
                List<String> closes = new ArrayList<>(needs.get().closes());
                closes.add(0, variable);
                return Optional.of(new Setup(made, closes, List.of(variable), false));
            }
        }
        return Optional.empty();
    }

    private static String variableOf(CAbiObject object) {
        return Character.toLowerCase(object.className().charAt(0)) + object.className().substring(1);
    }

    Optional<Setup> setup(List<Param> params) {
        return setup(params, new ArrayList<>(), 0);
    }

    /** Ordinary arguments for {@code params}, with the statements that make the objects among them. */
    private Optional<Setup> setup(List<Param> params, List<String> before, int depth) {
        List<String> statements = new ArrayList<>(before);
        List<String> closes = new ArrayList<>();
        List<String> args = new ArrayList<>();
        for (Param param : params) {
            Mapping mapping = param.mapping();
            if (mapping.kind() == Mapping.Kind.OBJECT) {
                Optional<Setup> made = make(mapping.target(), statements, depth);
                if (made.isEmpty()) {
                    return Optional.empty();
                }
                statements = new ArrayList<>(made.get().statements());
                closes.addAll(0, made.get().closes());
                args.add(made.get().args().get(0));
                continue;
            }
            Optional<String> value = ordinary(mapping);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            args.add(value.get());
        }
        return Optional.of(new Setup(statements, closes, args, false));
    }

    /** An ordinary value of a mapping: small, valid, and not null. */
    Optional<String> ordinary(Mapping mapping) {
        return switch (mapping.kind()) {
            case VALUE -> Optional.of(switch (mapping.javaType()) {
                case "long" -> "1L";
                case "int" -> "1";
                case "short" -> "(short) 1";
                case "byte" -> "(byte) 1";
                case "boolean" -> "true";
                case "float" -> "1.0f";
                default -> "1.0";
            });
            case C_STRING, STRING -> Optional.of("\"a\"");
            case BYTES -> Optional.of("new byte[] {97}");
            case LIST -> Optional.of("java.util.List.of(" + zero(mapping.target()) + ")");
            case RECORD -> Optional.of(zero(mapping.target()));
            case OPTIONAL -> Optional.of("null");
            default -> Optional.empty();
        };
    }

    /** A record whose fields are all zero. */
    String zero(String record) {
        RecordType type = layer.record(record).orElseThrow();
        return "new " + type.className() + "(" + type.fields().stream().map(f -> switch (f.mapping().kind()) {
            case RECORD -> zero(f.mapping().target());
            case C_STRING -> "\"\"";
            default -> switch (f.mapping().javaType()) {
                case "long" -> "0L";
                case "boolean" -> "false";
                case "float" -> "0.0f";
                case "double" -> "0.0";
                case "short" -> "(short) 0";
                case "byte" -> "(byte) 0";
                default -> "0";
            };
        }).collect(Collectors.joining(", ")) + ")";
    }
}
