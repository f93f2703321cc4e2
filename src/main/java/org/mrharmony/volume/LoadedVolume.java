package org.mrharmony.volume;

import java.nio.file.Path;
import org.mrharmony.nifti.NiftiHeader;

/**
 * A volume as read from disk, with the header it came with, so that whatever is computed
 * from it can be written back with the input's geometry untouched.
 */
public record LoadedVolume(Path path, Volume volume, NiftiHeader header) {
}
