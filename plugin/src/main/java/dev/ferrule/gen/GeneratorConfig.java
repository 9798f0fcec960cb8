package dev.ferrule.gen;

import dev.ferrule.cargo.FerruleMetadata;
import java.util.List;
import org.codehaus.plexus.util.SelectorUtils;

/**
 * What to generate.
 *
 * @param packageName  the Java package, for example {@code com.example.hello}
 * @param className    the raw binding class, for example {@code HelloNative}
 * @param includes     glob patterns of symbols to bind; empty binds all
 * @param excludes     glob patterns of symbols to leave out
 * @param metadata     the crate's {@code [package.metadata.ferrule]}
 * @param contractTests whether to generate the contract test suite of the safe layer
 * @param contractSkips contract cases to turn off, each with the reason shown in the report
 * @param fuzzDuration  Jazzer's {@code maxDuration} for the generated fuzz tests, or null for none
 */
public record GeneratorConfig(String packageName, String className, List<String> includes, List<String> excludes,
        FerruleMetadata metadata, boolean contractTests, java.util.Map<String, String> contractSkips,
        String fuzzDuration) {

    public GeneratorConfig {
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        contractSkips = java.util.Map.copyOf(contractSkips);
    }

    /** A configuration without contract tests. */
    public GeneratorConfig(String packageName, String className, List<String> includes, List<String> excludes,
            FerruleMetadata metadata) {
        this(packageName, className, includes, excludes, metadata, false, java.util.Map.of(), null);
    }

    /** A configuration for a crate without {@code [package.metadata.ferrule]}. */
    public GeneratorConfig(String packageName, String className, List<String> includes, List<String> excludes) {
        this(packageName, className, includes, excludes, FerruleMetadata.NONE, false, java.util.Map.of(), null);
    }

    boolean selects(String symbol) {
        boolean included = includes.isEmpty() || includes.stream().anyMatch(p -> SelectorUtils.match(p, symbol));
        return included && excludes.stream().noneMatch(p -> SelectorUtils.match(p, symbol));
    }
}
