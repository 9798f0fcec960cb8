package dev.ferrule.runtime.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs each test method in its own child JVM. A native crash (SIGSEGV, abort) in the test then
 * fails that test, with its name and the JVM's crash log, instead of ending the test run and
 * losing the results of the tests after it. For tests that call native code in ways that could
 * crash: raw-layer calls, deliberately bad inputs, libraries under suspicion.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(CrashIsolationExtension.class)
public @interface CrashIsolated {
}
