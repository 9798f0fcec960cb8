package it.risky;

/** Calls the library through the generated safe API. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("answer=" + Risky.answer());
    }
}
