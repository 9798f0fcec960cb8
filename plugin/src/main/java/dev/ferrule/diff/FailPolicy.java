package dev.ferrule.diff;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What fails the build, on each axis: the lowest severity of a change to the C ABI, and of a
 * change to the generated Java API, that fails it when neither accepted nor announced by the
 * version.
 */
@JsonPropertyOrder({"binary", "source"})
public record FailPolicy(FailOn binary, FailOn source) {

    /** Breaking changes on either axis fail; the default. */
    public static final FailPolicy BREAKING = new FailPolicy(FailOn.BREAKING, FailOn.BREAKING);

    public boolean fails(AbiChange change) {
        return binary.fails(change.binary().severity()) || source.fails(change.source().severity());
    }

    @Override
    public String toString() {
        return "failOn=" + binary + ", failOnSource=" + source;
    }
}
