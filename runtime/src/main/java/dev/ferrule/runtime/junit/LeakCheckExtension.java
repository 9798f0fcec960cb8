package dev.ferrule.runtime.junit;

import dev.ferrule.runtime.HandleTracker;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link FerruleLeakCheck}. Before each test it lets the collector and the
 * leak net settle, so that an earlier test's forgotten objects are not blamed on this one, then
 * records the counters; after the test it compares.
 */
public final class LeakCheckExtension implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            LeakCheckExtension.class);

    private record Snapshot(Map<String, Long> live, Map<String, Long> reclaimed) {
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        // An isolated test's counters live in its child JVM, where this extension runs again.
        if (CrashIsolationExtension.runsElsewhere(context)) {
            return;
        }
        settle();
        context.getStore(NAMESPACE).put("before", snapshot(libraries(context)));
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (CrashIsolationExtension.runsElsewhere(context)) {
            return;
        }
        Snapshot before = context.getStore(NAMESPACE).get("before", Snapshot.class);
        Snapshot after = snapshot(libraries(context));
        List<String> leaks = new ArrayList<>();
        after.live().forEach((type, count) -> {
            long grew = count - before.live().getOrDefault(type, 0L);
            if (grew > 0) {
                leaks.add(type + ": " + grew + " more live (" + before.live().getOrDefault(type, 0L) + " -> " + count
                        + ")");
            }
        });
        after.reclaimed().forEach((type, count) -> {
            long grew = count - before.reclaimed().getOrDefault(type, 0L);
            if (grew > 0) {
                leaks.add(type + ": " + grew + " garbage-collected without close() and released by the leak net");
            }
        });
        if (!leaks.isEmpty()) {
            throw new AssertionError("Native objects leaked in " + context.getDisplayName() + ":\n  "
                    + String.join("\n  ", leaks) + "\nClose every handle (try-with-resources) before the test ends.");
        }
    }

    private static List<Class<?>> libraries(ExtensionContext context) {
        FerruleLeakCheck check = context.getTestMethod()
                .flatMap(m -> AnnotationSupport.findAnnotation(m, FerruleLeakCheck.class))
                .or(() -> AnnotationSupport.findAnnotation(context.getRequiredTestClass(), FerruleLeakCheck.class))
                .orElseThrow(() -> new IllegalStateException("@FerruleLeakCheck names no library class"));
        return List.of(check.value());
    }

    @SuppressWarnings("unchecked")
    private static Snapshot snapshot(List<Class<?>> libraries) throws ReflectiveOperationException {
        Map<String, Long> live = new TreeMap<>();
        for (Class<?> library : libraries) {
            Method byType = library.getMethod("liveObjectsByType");
            ((Map<String, Long>) byType.invoke(null)).forEach((type, count) ->
                    live.merge(library.getSimpleName() + "." + type, count, Long::sum));
        }
        return new Snapshot(live, HandleTracker.reclaimedByType());
    }

    /** Lets objects dropped earlier be found and released before the counters are read. */
    private static void settle() throws InterruptedException {
        System.gc();
        long quietSince = System.nanoTime();
        long last = HandleTracker.reclaimedByType().values().stream().mapToLong(Long::longValue).sum();
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() - quietSince < 30_000_000L && System.nanoTime() < deadline) {
            HandleTracker.drainAll();
            Thread.sleep(5);
            long now = HandleTracker.reclaimedByType().values().stream().mapToLong(Long::longValue).sum();
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            }
        }
    }
}
