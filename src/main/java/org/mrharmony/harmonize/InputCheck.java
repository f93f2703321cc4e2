package org.mrharmony.harmonize;

import java.io.IOException;
import java.nio.file.Path;
import org.mrharmony.nifti.NiftiException;
import org.mrharmony.nifti.NiftiHeader;
import org.mrharmony.nifti.NiftiReader;

/**
 * Refuses, from its header alone, an input harmonize cannot take, so a batch fails before it
 * writes anything: not NIfTI, not 3D, or 4D without a chosen volume.
 */
public final class InputCheck {

    private InputCheck() {
    }

    /**
     * @param volumeIndex the volume of a 4D image to harmonize, or null when none was chosen
     * @return the header
     * @throws IOException naming the file and the problem
     */
    public static NiftiHeader check(Path file, Integer volumeIndex) throws IOException {
        NiftiHeader header = NiftiReader.readHeader(file);
        int[] d = header.spatialDims();
        if (header.ndim() < 3 || d[0] < 2 || d[1] < 2 || d[2] < 2) {
            throw new NiftiException(file, "is not a 3D volume (" + d[0] + "x" + d[1] + "x" + d[2]
                + "); harmonize slices 3D volumes");
        }
        int volumes = header.volumeCount();
        if (volumeIndex == null && volumes > 1) {
            throw new NiftiException(file, "is 4D with " + volumes + " volumes; choose one with --volume-index (0 to "
                + (volumes - 1) + ")");
        }
        if (volumeIndex != null && (volumeIndex < 0 || volumeIndex >= volumes)) {
            throw new NiftiException(file, "--volume-index " + volumeIndex + " is out of range: the image has "
                + volumes + (volumes == 1 ? " volume (index 0)" : " volumes (0 to " + (volumes - 1) + ")"));
        }
        return header;
    }
}
