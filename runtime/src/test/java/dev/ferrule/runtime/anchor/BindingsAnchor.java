package dev.ferrule.runtime.anchor;

/**
 * Stands for a generated bindings class in AnchoredLoadTest: its bytes are copied into a jar or
 * directory with a library, so that its CodeSource is that jar or directory.
 */
public final class BindingsAnchor {

    private BindingsAnchor() {
    }
}
