package dev.ferrule.bind;

import dev.ferrule.cargo.FerruleMetadata;
import java.util.List;
import org.codehaus.plexus.util.SelectorUtils;

/**
 * What decides a binding model besides the ABI: where the classes go, which exports to bind,
 * and the crate's {@code [package.metadata.ferrule]}.
 *
 * @param packageName  the Java package, for example {@code com.example.hello}
 * @param rawClass     the raw binding class, for example {@code HelloNative}
 * @param includes     glob patterns of symbols to bind; empty binds all
 * @param excludes     glob patterns of symbols to leave out
 * @param metadata     the crate's {@code [package.metadata.ferrule]}
 */
public record BindingConfig(String packageName, String rawClass, List<String> includes, List<String> excludes,
        FerruleMetadata metadata) {

    public BindingConfig {
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
    }

    /**
     * The whole crate with its metadata, as a snapshot records it: Java names and export
     * filters belong to a build's POM, not to the crate's API.
     */
    public static BindingConfig wholeCrate(FerruleMetadata metadata) {
        return new BindingConfig("snapshot", "Native", List.of(), List.of(), metadata);
    }

    public boolean selects(String symbol) {
        boolean included = includes.isEmpty() || includes.stream().anyMatch(p -> SelectorUtils.match(p, symbol));
        return included && excludes.stream().noneMatch(p -> SelectorUtils.match(p, symbol));
    }
}
