package dev.ferrule.runtime.junit;

import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * The extension behind {@link CrashIsolated}: in the test JVM it skips the method and runs it in a
 * child JVM; in the child it lets the method run.
 */
public final class CrashIsolationExtension implements InvocationInterceptor {

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext extensionContext) throws Throwable {
        if (CrashIsolation.inChild()) {
            invocation.proceed();
            return;
        }
        invocation.skip();
        CrashIsolation.runTest(extensionContext.getRequiredTestClass(), extensionContext.getRequiredTestMethod());
    }
}
