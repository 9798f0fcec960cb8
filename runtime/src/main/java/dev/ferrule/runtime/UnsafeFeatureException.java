package dev.ferrule.runtime;

/**
 * The loaded library was built with a risky ({@code unsafe-*}) feature that the application has
 * not allowed. Allow it with {@code -Dferrule.allowUnsafeFeatures=<feature>} or
 * {@link LibraryIdentity#allowUnsafeFeature(String)}.
 */
public final class UnsafeFeatureException extends NativeLibraryException {

    private static final long serialVersionUID = 1L;

    public UnsafeFeatureException(String message) {
        super(message);
    }
}
