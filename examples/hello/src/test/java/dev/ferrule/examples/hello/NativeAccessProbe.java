package dev.ferrule.examples.hello;

/** A separate JVM's entry point, so HelloIT can start the bindings with chosen native-access options. */
public final class NativeAccessProbe {

    private NativeAccessProbe() {
    }

    public static void main(String[] args) {
        System.out.println("2 + 3 = " + Hello.add(2, 3));
    }
}
