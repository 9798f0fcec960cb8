package dev.ferrule.runtime.junit;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Runs tests in child JVMs, so that a native crash (SIGSEGV, abort) fails the test that caused it,
 * naming the JVM's crash log, and every other test still runs and is reported.
 *
 * <p>In the test JVM the extension skips each test and replays the verdict of a child JVM; in the
 * child it lets the test run. Which tests go to a child:
 * <ul>
 *   <li>methods and classes annotated {@link CrashIsolated}: each method in its own JVM;
 *   <li>with the extension registered for every class (JUnit's extension autodetection, which
 *       Ferrule's test options turn on), the configuration parameter {@value #MODE_PARAMETER}:
 *       {@code class} (the default: one JVM per top-level test class, and after a crash one per
 *       test not yet run), {@code method} (one JVM per test), or {@code off}.
 * </ul>
 * Classes with {@code @TestFactory} methods or Jazzer {@code @FuzzTest}s stay in the test JVM: their
 * tests are not known before they run, and Jazzer reports its own findings.
 */
public final class CrashIsolationExtension implements InvocationInterceptor {

    /** The configuration parameter (or system property) that chooses the isolation of unannotated tests. */
    public static final String MODE_PARAMETER = "ferrule.crashIsolation";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            CrashIsolationExtension.class);

    private static final String AUTODETECTION_PARAMETER = "junit.jupiter.extensions.autodetection.enabled";

    private static final String FUZZ_TEST = "com.code_intelligence.jazzer.junit.FuzzTest";

    private enum Mode { CLASS, METHOD, OFF }

    /** Whether a class has tests that only exist while they run, and so cannot be replayed. */
    private static final ClassValue<Boolean> STAYS_IN_TEST_JVM = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return !ReflectionSupport.findMethods(type, CrashIsolationExtension::discoveredWhileRunning,
                    HierarchyTraversalMode.TOP_DOWN).isEmpty();
        }
    };

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext extensionContext) throws Throwable {
        isolate(invocation, extensionContext);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
        isolate(invocation, extensionContext);
    }

    @Override
    public void interceptBeforeAllMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
        skipWhereTestsRunElsewhere(invocation, extensionContext);
    }

    @Override
    public void interceptAfterAllMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
        skipWhereTestsRunElsewhere(invocation, extensionContext);
    }

    @Override
    public void interceptBeforeEachMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
        skipWhereTestsRunElsewhere(invocation, extensionContext);
    }

    @Override
    public void interceptAfterEachMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
        skipWhereTestsRunElsewhere(invocation, extensionContext);
    }

    /**
     * Whether the test or class of this context runs in a child JVM rather than here; other
     * extensions use it to leave their work to the child.
     */
    public static boolean runsElsewhere(ExtensionContext context) {
        if (ChildJvm.inChild()) {
            return false;
        }
        if (annotated(context)) {
            return true;
        }
        Class<?> testClass = context.getRequiredTestClass();
        return mode(context) != Mode.OFF && !STAYS_IN_TEST_JVM.get(outermost(context).getRequiredTestClass())
                && !STAYS_IN_TEST_JVM.get(testClass);
    }

    private static void skipWhereTestsRunElsewhere(Invocation<Void> invocation, ExtensionContext context)
            throws Throwable {
        if (runsElsewhere(context)) {
            invocation.skip();
        } else {
            invocation.proceed();
        }
    }

    private static void isolate(Invocation<Void> invocation, ExtensionContext context) throws Throwable {
        if (!runsElsewhere(context)) {
            invocation.proceed();
            return;
        }
        invocation.skip();
        String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName()
                + (context.getDisplayName().startsWith(context.getRequiredTestMethod().getName()) ? ""
                        : " [" + context.getDisplayName() + "]");
        if (annotated(context) || mode(context) == Mode.METHOD) {
            runAlone(context, name);
            return;
        }
        ExtensionContext owner = outermost(context);
        IsolatedRun classRun = owner.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(owner.getUniqueId(),
                id -> start(List.of(id), owner.getDisplayName()), IsolatedRun.class);
        if (classRun.neverReached(context.getUniqueId())) {
            // The class's JVM died before this test: give it a JVM of its own, so one crash costs one test.
            runAlone(context, name);
        } else {
            classRun.replay(context.getUniqueId(), name);
        }
    }

    private static void runAlone(ExtensionContext context, String name) {
        start(List.of(context.getUniqueId()), name).replay(context.getUniqueId(), name);
    }

    private static IsolatedRun start(List<String> uniqueIds, String what) {
        try {
            IsolatedRun run = IsolatedRun.of(uniqueIds);
            // The child's output belongs in the test report, as if the tests had run here.
            System.out.print(run.output());
            return run;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start a child JVM for " + what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while " + what + " ran in a child JVM", e);
        }
    }

    private static boolean annotated(ExtensionContext context) {
        Optional<Method> method = context.getTestMethod();
        if (method.isPresent() && AnnotationSupport.isAnnotated(method, CrashIsolated.class)) {
            return true;
        }
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            if (c.get().getTestClass().map(t -> AnnotationSupport.isAnnotated(t, CrashIsolated.class)).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The mode for tests without {@link CrashIsolated}, which this extension only sees when JUnit
     * registers it everywhere through autodetection.
     */
    private static Mode mode(ExtensionContext context) {
        if (!context.getConfigurationParameter(AUTODETECTION_PARAMETER, Boolean::parseBoolean).orElse(false)) {
            return Mode.OFF;
        }
        String value = context.getConfigurationParameter(MODE_PARAMETER).orElse("class").strip();
        try {
            return Mode.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(MODE_PARAMETER + " is '" + value + "'; use class, method or off", e);
        }
    }

    /** The context of the top-level class, so that nested classes run in their outer class's JVM. */
    private static ExtensionContext outermost(ExtensionContext context) {
        ExtensionContext top = context;
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            if (c.get().getTestClass().isPresent() && c.get().getTestMethod().isEmpty()) {
                top = c.get();
            }
        }
        return top;
    }

    private static boolean discoveredWhileRunning(Method method) {
        if (AnnotationSupport.isAnnotated(method, TestFactory.class)) {
            return true;
        }
        for (Annotation annotation : method.getAnnotations()) {
            if (annotation.annotationType().getName().equals(FUZZ_TEST)) {
                return true;
            }
        }
        return false;
    }
}
