package org.acme.gauge;

/** Java code the module had before the Rust crate arrived; it must keep compiling. */
public final class Units {

    private Units() {
    }

    public static double celsius(double fahrenheit) {
        return (fahrenheit - 32) * 5 / 9;
    }
}
