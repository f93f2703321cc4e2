package org.mrharmony.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a minimal NIfTI-1 .nii.gz (348-byte header, 4 bytes of empty extension, float32
 * voxels) for tests, independent of the project's NIfTI writer. The sform places voxel
 * (i, j, k) at ((i - nx/2) dx, (j - ny/2) dy, (k - nz/2) dz) mm: RAS, centred.
 */
final class TinyNifti {

    private static final short DT_FLOAT32 = 16;

    private TinyNifti() {
    }

    static Path writeGz(Path file, RasVolume v) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(352).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0, 348);                                   // sizeof_hdr
        short[] dim = {3, (short) v.nx(), (short) v.ny(), (short) v.nz(), 1, 1, 1, 1};
        for (int i = 0; i < dim.length; i++) {
            header.putShort(40 + 2 * i, dim[i]);                 // dim[8]
        }
        header.putShort(70, DT_FLOAT32);                         // datatype
        header.putShort(72, (short) 32);                         // bitpix
        float[] pixdim = {1, (float) v.dx(), (float) v.dy(), (float) v.dz(), 1, 1, 1, 1};
        for (int i = 0; i < pixdim.length; i++) {
            header.putFloat(76 + 4 * i, pixdim[i]);              // pixdim[8], pixdim[0] = qfac
        }
        header.putFloat(108, 352);                               // vox_offset
        header.putFloat(112, 1);                                 // scl_slope
        header.put(123, (byte) 10);                              // xyzt_units: mm, s
        header.putShort(252, (short) 0);                         // qform_code: unknown
        header.putShort(254, (short) 1);                         // sform_code: scanner
        float[][] srow = {
            {(float) v.dx(), 0, 0, (float) (-v.dx() * (v.nx() / 2))},
            {0, (float) v.dy(), 0, (float) (-v.dy() * (v.ny() / 2))},
            {0, 0, (float) v.dz(), (float) (-v.dz() * (v.nz() / 2))},
        };
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                header.putFloat(280 + 16 * r + 4 * c, srow[r][c]); // srow_x, srow_y, srow_z
            }
        }
        header.position(344);
        header.put("n+1\0".getBytes(StandardCharsets.US_ASCII));  // magic; bytes 348..351 stay 0: no extension
        ByteBuffer voxels = ByteBuffer.allocate(4 * v.data().length).order(ByteOrder.LITTLE_ENDIAN);
        voxels.asFloatBuffer().put(v.data());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(header.array());
            out.write(voxels.array());
        }
        return file;
    }
}
