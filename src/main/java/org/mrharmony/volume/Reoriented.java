package org.mrharmony.volume;

/**
 * A volume brought to canonical orientation, with the record needed to take it (or anything
 * computed on its grid) back to the original orientation.
 */
public record Reoriented(Volume volume, ReorientTransform transform) {
}
