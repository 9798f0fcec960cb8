package dev.ferrule.abi;

/**
 * The ABI of one built library.
 *
 * @param snapshotName  {@code <lib>-<triple>[-<features>]}, the snapshot's file name without extension
 * @param fromCache     true when the model was reused because none of its inputs changed
 */
public record ExtractedAbi(String snapshotName, AbiModel model, boolean fromCache) {
}
