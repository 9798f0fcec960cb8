package dev.ferrule.runtime.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fails each test after which a native library holds more live objects of some type than before
 * it, or after which a forgotten handle had to be released by the leak net. The failure names
 * the types and counts.
 *
 * <pre>{@code
 * @FerruleLeakCheck(Template.class)
 * class CounterTest { ... }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(LeakCheckExtension.class)
public @interface FerruleLeakCheck {

    /**
     * The generated safe classes of the libraries to watch; each has a static
     * {@code liveObjectsByType()}.
     */
    Class<?>[] value();
}
