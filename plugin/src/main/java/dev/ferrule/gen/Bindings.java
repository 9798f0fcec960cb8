package dev.ferrule.gen;

import dev.ferrule.abi.AbiModel;
import dev.ferrule.bind.BindingException;
import dev.ferrule.bind.BindingModel;
import dev.ferrule.bind.BindingModel.NativeFunction;
import dev.ferrule.bind.BindingModel.SafeLayer;
import dev.ferrule.bind.BindingModelBuilder;
import dev.ferrule.bind.JavaNames;
import dev.ferrule.util.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The generate goal's work: the binding model built once from the ABI model, then every
 * generator run on it, and the sources written to a directory Ferrule owns.
 */
public final class Bindings {

    private Bindings() {
    }

    /** What generation produced and what writing it changed. */
    public record Written(GenerationResult result, String safeClass, int changed, int deleted) {

        /**
         * What to tell the user: one line with what was bound and written, and one per item left
         * out with its reason, so the count and the list always agree.
         */
        public Summary summary(String packageName, String rawClass, Path root) {
            boolean safe = result.sources().size() > 1;
            int bound = result.bound().size();
            String line = "Generated " + packageName + "." + rawClass
                    + (safe ? " and the safe layer " + packageName + "." + safeClass : "") + ": "
                    + bound + " of " + result.considered() + " exported function(s) bound in the raw layer"
                    + (bound < result.considered() ? ", " + (result.considered() - bound) + " not (listed below)" : "")
                    + "; " + changed + " file(s) changed, " + deleted + " stale file(s) deleted in " + root;
            List<String> notBound = new ArrayList<>();
            result.rawSkipped().forEach(s -> notBound.add("Not bound: " + s));
            result.skipped().stream().filter(s -> !result.rawSkipped().contains(s))
                    .forEach(s -> notBound.add("No safe method: " + s));
            return new Summary(line, List.copyOf(notBound));
        }
    }

    /** @param notBound  one line per item left out, with its reason */
    public record Summary(String line, List<String> notBound) {
    }

    /** The safe layer's class name: the library name in UpperCamelCase. */
    public static String safeClassName(AbiModel model) {
        return JavaNames.upperCamel(model.crate().libName());
    }

    /** The binding model every generator reads. */
    public static BindingModel bindingModel(AbiModel model, GeneratorConfig config) throws GenerationException {
        try {
            return BindingModelBuilder.build(model, config.binding());
        } catch (BindingException e) {
            throw new GenerationException(e.summary(), e.problems());
        }
    }

    /** The raw layer plus, for ferrule-ffi crates, the safe layer and its tests. */
    public static GenerationResult generate(AbiModel model, GeneratorConfig config) throws GenerationException {
        return generate(bindingModel(model, config), config);
    }

    /** Every generator, on one binding model. */
    public static GenerationResult generate(BindingModel model, GeneratorConfig config) throws GenerationException {
        List<GeneratedSource> sources = new ArrayList<>();
        sources.add(RawBindingGenerator.generate(model, config.librarySha256()));
        List<String> skipped = new ArrayList<>(model.natives().skipped());
        List<GeneratedSource> tests = new ArrayList<>();
        if (model.safe().isPresent()) {
            SafeLayer safe = model.safe().get();
            sources.addAll(safeLayer(model, safe));
            skipped.addAll(safe.skipped());
            if (config.fuzzDuration() != null) {
                FuzzTestGenerator.generate(model, safe, config.fuzzDuration()).ifPresent(tests::add);
            }
            if (config.contractTests()) {
                tests.add(contractTests(model, safe, config));
            }
        }
        if (model.cabi().isPresent()) {
            BindingModel.CAbiLayer cabi = model.cabi().get();
            sources.addAll(CAbiGenerator.generate(model, cabi));
            skipped.addAll(cabi.skipped());
            if (config.fuzzDuration() != null) {
                CAbiFuzzTestGenerator.generate(model, cabi, config.fuzzDuration()).ifPresent(tests::add);
            }
            if (config.contractTests()) {
                tests.add(checkedSkips(CAbiContractTestGenerator.generate(model, cabi, config.contractSkips()),
                        config));
            }
        }
        return new GenerationResult(List.copyOf(sources), List.copyOf(skipped), List.copyOf(tests),
                model.natives().functions().stream().map(NativeFunction::symbol).toList(),
                model.natives().considered(), model.natives().skipped());
    }

    private static List<GeneratedSource> safeLayer(BindingModel model, SafeLayer safe) {
        List<GeneratedSource> sources = new ArrayList<>();
        sources.add(ExceptionGenerator.generate(model, safe));
        sources.add(FacadeGenerator.generate(model, safe));
        List<GeneratedSource> values = new ArrayList<>();
        safe.records().forEach(r -> values.add(ValueTypeGenerator.record(model.packageName(), model.rawClass(), safe,
                r)));
        safe.enums().forEach(e -> values.add(ValueTypeGenerator.javaEnum(model.packageName(), e)));
        values.sort(Comparator.comparing(GeneratedSource::path));
        sources.addAll(values);
        safe.callbacks().forEach(c -> sources.add(CallbackGenerator.functionalInterface(model.packageName(), c)));
        safe.objects().forEach(o -> sources.add(HandleClassGenerator.generate(model.packageName(), safe, o)));
        return sources;
    }

    private static GeneratedSource contractTests(BindingModel model, SafeLayer safe, GeneratorConfig config)
            throws GenerationException {
        return checkedSkips(ContractTestGenerator.generate(model, safe, config.contractSkips()), config);
    }

    /** The suite's source, once every case {@code <contractTestSkips>} names is one it has. */
    private static GeneratedSource checkedSkips(ContractTestGenerator.Suite suite, GeneratorConfig config)
            throws GenerationException {
        List<String> unknown = config.contractSkips().keySet().stream()
                .filter(name -> !suite.caseNames().contains(name)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new GenerationException("<contractTestSkips> names cases that are not generated (renamed, or"
                    + " the function is gone):", unknown.stream().map(name -> name + "; cases of the same"
                    + " method: " + suite.caseNames().stream().filter(c -> c.startsWith(name.split("_")[0] + "_"))
                    .sorted().toList()).toList());
        }
        return suite.source();
    }

    /**
     * Writes the sources under {@code root}. Unchanged files keep their timestamps, so javac's
     * incremental build stays quiet; Java files no longer generated are deleted, so a removed
     * export cannot linger as a stale class that still compiles.
     */
    public static Written generateInto(AbiModel model, GeneratorConfig config, Path root, Path stateDir)
            throws GenerationException, IOException {
        return generateInto(model, config, root, null, stateDir);
    }

    /**
     * As {@link #generateInto(AbiModel, GeneratorConfig, Path, Path)}, with the contract tests
     * written under {@code testRoot}.
     *
     * @param stateDir  Ferrule's state directory, where the temporary files of the writes go
     */
    public static Written generateInto(AbiModel model, GeneratorConfig config, Path root, Path testRoot,
            Path stateDir) throws GenerationException, IOException {
        GenerationResult result = generate(model, config);
        Synced main = sync(root, result.sources(), stateDir);
        Synced tests = testRoot == null ? new Synced(0, 0) : sync(testRoot, result.testSources(), stateDir);
        return new Written(result, safeClassName(model), main.changed() + tests.changed(),
                main.deleted() + tests.deleted());
    }

    private record Synced(int changed, int deleted) {
    }

    private static Synced sync(Path root, List<GeneratedSource> sources, Path stateDir) throws IOException {
        int changed = 0;
        for (GeneratedSource source : sources) {
            Path file = root.resolve(source.path());
            byte[] bytes = source.content().getBytes(StandardCharsets.UTF_8);
            if (!Files.isRegularFile(file) || !Arrays.equals(Files.readAllBytes(file), bytes)) {
                AtomicFiles.write(file, bytes, stateDir);
                changed++;
            }
        }
        Set<Path> current = sources.stream().map(s -> root.resolve(s.path()).normalize())
                .collect(Collectors.toSet());
        List<Path> stale = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".java") && !current.contains(f.normalize()))
                        .forEach(stale::add);
            }
        }
        for (Path file : stale) {
            Files.delete(file);
        }
        return new Synced(changed, stale.size());
    }
}
