package dev.ferrule.gen;

import dev.ferrule.bind.BindingConfig;
import dev.ferrule.cargo.FerruleMetadata;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

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
 * @param librarySha256 the SHA-256 of each library the bindings are for, by platform
 *                      ({@code linux-x86_64}); the loader opens no other. Empty, it opens none.
 */
public record GeneratorConfig(String packageName, String className, List<String> includes, List<String> excludes,
        FerruleMetadata metadata, boolean contractTests, Map<String, String> contractSkips,
        String fuzzDuration, SortedMap<String, String> librarySha256) {

    public GeneratorConfig {
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        contractSkips = Map.copyOf(contractSkips);
        librarySha256 = Collections.unmodifiableSortedMap(new TreeMap<>(librarySha256));
    }

    /** A configuration for bindings that no library is recorded for yet. */
    public GeneratorConfig(String packageName, String className, List<String> includes, List<String> excludes,
            FerruleMetadata metadata, boolean contractTests, Map<String, String> contractSkips,
            String fuzzDuration) {
        this(packageName, className, includes, excludes, metadata, contractTests, contractSkips, fuzzDuration,
                new TreeMap<>());
    }

    /** This configuration, for the libraries with these SHA-256s, by platform. */
    public GeneratorConfig withLibraries(Map<String, String> sha256ByPlatform) {
        return new GeneratorConfig(packageName, className, includes, excludes, metadata, contractTests, contractSkips,
                fuzzDuration, new TreeMap<>(sha256ByPlatform));
    }

    /** A configuration without contract tests. */
    public GeneratorConfig(String packageName, String className, List<String> includes, List<String> excludes,
            FerruleMetadata metadata) {
        this(packageName, className, includes, excludes, metadata, false, Map.of(), null);
    }

    /** A configuration for a crate without {@code [package.metadata.ferrule]}. */
    public GeneratorConfig(String packageName, String className, List<String> includes, List<String> excludes) {
        this(packageName, className, includes, excludes, FerruleMetadata.NONE, false, Map.of(), null);
    }

    /** What of this configuration decides the binding model. */
    public BindingConfig binding() {
        return new BindingConfig(packageName, className, includes, excludes, metadata);
    }
}
