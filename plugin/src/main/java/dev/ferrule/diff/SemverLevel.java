package dev.ferrule.diff;

/** The version bump a difference requires. */
public enum SemverLevel {
    MAJOR, MINOR, PATCH
}
