package org.mrharmony.volume;

import java.nio.file.Path;
import org.mrharmony.nifti.NiftiDataType;
import org.mrharmony.nifti.NiftiException;
import org.mrharmony.nifti.NiftiHeader;
import org.mrharmony.nifti.NiftiImage;
import org.mrharmony.nifti.NiftiReader;
import org.mrharmony.nifti.NiftiWriter;

/** The bridge between NIfTI files and {@link Volume}s. */
public final class VolumeIO {

    private VolumeIO() {
    }

    public static LoadedVolume read(Path file) throws NiftiException {
        return read(file, 0);
    }

    public static LoadedVolume read(Path file, int volumeIndex) throws NiftiException {
        NiftiImage img = NiftiReader.read(file, volumeIndex);
        Affine affine = Affine.of(img.header().affine());
        return new LoadedVolume(file, new Volume(img.nx(), img.ny(), img.nz(), img.data(), affine), img.header());
    }

    /** Writes float32 with the geometry of {@code template} (the input's header). */
    public static void write(Path file, Volume volume, NiftiHeader template) throws NiftiException {
        write(file, volume, template, NiftiDataType.FLOAT32);
    }

    public static void write(Path file, Volume volume, NiftiHeader template, NiftiDataType type)
            throws NiftiException {
        NiftiWriter.write(file, template, volume.nx(), volume.ny(), volume.nz(), volume.data(), type);
    }

    /** Writes a volume that has no input header (synthetic data): the header is built from its affine. */
    public static void write(Path file, Volume volume) throws NiftiException {
        NiftiHeader header = NiftiHeader.forVolume(volume.nx(), volume.ny(), volume.nz(), volume.affine().toRows());
        write(file, volume, header, NiftiDataType.FLOAT32);
    }
}
