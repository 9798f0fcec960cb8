package dev.ferrule.gen;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Imports of helpers only some crates' code uses ({@code Optional} results, unsigned checks,
 * reachability fences), added to a unit that uses them, so no other class imports what it does
 * not need.
 */
final class UsedImports {

    private static final Map<String, String> WHEN_USED = new TreeMap<>(Map.of("Optional", "java.util.Optional",
            "Reference", "java.lang.ref.Reference", "Unsigned", "dev.ferrule.runtime.Unsigned"));

    private UsedImports() {
    }

    static void add(CompilationUnit unit) {
        Set<String> used = new HashSet<>();
        unit.findAll(NameExpr.class).forEach(n -> used.add(n.getNameAsString()));
        unit.findAll(ClassOrInterfaceType.class).forEach(t -> used.add(t.getNameAsString()));
        WHEN_USED.forEach((simple, imported) -> {
            boolean present = unit.getImports().stream().anyMatch(i -> i.getNameAsString().equals(imported));
            if (used.contains(simple) && !present) {
                unit.addImport(imported);
            }
        });
    }
}
