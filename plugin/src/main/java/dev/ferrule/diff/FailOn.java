package dev.ferrule.diff;

/** The lowest severity that fails the build when it is neither accepted nor covered by the version. */
public enum FailOn {
    BREAKING, POTENTIALLY_BREAKING, NONE;

    public boolean fails(Severity severity) {
        return switch (this) {
            case BREAKING -> severity == Severity.BREAKING;
            case POTENTIALLY_BREAKING -> severity != Severity.COMPATIBLE;
            case NONE -> false;
        };
    }
}
