package org.mrharmony.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrharmony.nifti.NiftiDataType;
import org.mrharmony.nifti.NiftiHeader;
import org.mrharmony.nifti.NiftiReader;

/** The file-to-volume bridge every command uses: what it writes by default and what it keeps of the input. */
class VolumeIOTest {

    @TempDir
    Path dir;

    /** Header fields that place voxels in the world, with their counts: kept bit for bit. */
    private static final String[][] GEOMETRY = {
        {"qform_code", "1"}, {"sform_code", "1"}, {"quatern_b", "1"}, {"quatern_c", "1"}, {"quatern_d", "1"},
        {"qoffset_x", "1"}, {"qoffset_y", "1"}, {"qoffset_z", "1"},
        {"srow_x", "4"}, {"srow_y", "4"}, {"srow_z", "4"}, {"pixdim", "8"}, {"xyzt_units", "1"}};

    /**
     * A big-endian NIfTI-1 int16 scan written byte by byte (offsets of nifti1.h): 3x2x2 voxels
     * stored as 0..11 with scl_slope 0.5 and scl_inter -3, an oblique qform with qfac -1
     * (scanner code) and a different sform (aligned code), units mm and s.
     */
    private Path scannerFile() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(352 + 12 * 2).order(ByteOrder.BIG_ENDIAN);
        b.putInt(0, 348);
        short[] dim = {3, 3, 2, 2, 1, 1, 1, 1};
        float[] pixdim = {-1, 0.9375f, 1.2f, 2.5f, 0, 0, 0, 0};
        for (int i = 0; i < 8; i++) {
            b.putShort(40 + 2 * i, dim[i]);
            b.putFloat(76 + 4 * i, pixdim[i]);
        }
        b.putShort(70, (short) 4).putShort(72, (short) 16).putFloat(108, 352);
        b.putFloat(112, 0.5f).putFloat(116, -3f);
        b.put(123, (byte) (2 | 8));
        b.putShort(252, (short) 1).putShort(254, (short) 2);
        float[] quatern = {0.1234567f, -0.2345678f, 0.3456789f};
        float[] qoffset = {-91.123456789f, 126.98765f, -72.000001f};
        float[][] srow = {{-0.93f, 0.011f, 0.02f, 91.1f}, {0.0123f, 0.9375f, -0.05f, -126.3f},
            {0.03f, 0.04f, 1.19f, -72.7f}};
        for (int i = 0; i < 3; i++) {
            b.putFloat(256 + 4 * i, quatern[i]);
            b.putFloat(268 + 4 * i, qoffset[i]);
            for (int c = 0; c < 4; c++) {
                b.putFloat(280 + 16 * i + 4 * c, srow[i][c]);
            }
        }
        b.put(344, (byte) 'n').put(345, (byte) '+').put(346, (byte) '1');
        for (int i = 0; i < 12; i++) {
            b.putShort(352 + 2 * i, (short) i);
        }
        return Files.write(dir.resolve("scan.nii"), b.array());
    }

    @Test
    void readsScaledValuesAndWritesFloat32ByDefaultKeepingTheInputGeometryBitForBit() throws IOException {
        Path in = scannerFile();
        LoadedVolume loaded = VolumeIO.read(in);
        // stored i, value 0.5 i - 3
        for (int i = 0; i < 12; i++) {
            assertThat(loaded.volume().data()[i]).isEqualTo(0.5f * i - 3);
        }
        // the volume is placed by the sform (code 2 > 0), as the standard says a reader should
        assertThat(loaded.volume().affine().toRows()[0][3]).isEqualTo((double) 91.1f);

        Path out = dir.resolve("out.nii.gz");
        VolumeIO.write(out, loaded.volume(), loaded.header());

        NiftiHeader written = NiftiReader.readHeader(out);
        assertThat(written.datatype()).isEqualTo(NiftiDataType.FLOAT32);
        assertThat(written.sclSlope()).isEqualTo(1.0);
        assertThat(written.sclInter()).isZero();
        assertGeometryBitForBit(written, loaded.header());
        LoadedVolume back = VolumeIO.read(out);
        assertThat(back.volume().data()).containsExactly(loaded.volume().data());
        assertThat(back.volume().affine()).isEqualTo(loaded.volume().affine());
    }

    @Test
    void aChosenIntegerDatatypeGetsAScalingWithinHalfAStep() throws IOException {
        LoadedVolume loaded = VolumeIO.read(scannerFile());
        Volume fractional = loaded.volume().copy();
        for (int i = 0; i < fractional.size(); i++) {
            fractional.data()[i] = (float) (1000.0 / (i + 3));
        }
        Path out = dir.resolve("u8.nii");
        VolumeIO.write(out, fractional, loaded.header(), NiftiDataType.UINT8);

        NiftiHeader written = NiftiReader.readHeader(out);
        assertThat(written.datatype()).isEqualTo(NiftiDataType.UINT8);
        // 1000/3 .. 1000/14 spread over 255 steps of uint8
        double slope = written.sclSlope();
        assertThat(slope).isCloseTo((1000.0 / 3 - 1000.0 / 14) / 255, within(1e-3));
        float[] back = VolumeIO.read(out).volume().data();
        for (int i = 0; i < back.length; i++) {
            assertThat((double) back[i]).as("voxel " + i).isCloseTo(fractional.data()[i], within(slope / 2 + 1e-4));
        }
        assertGeometryBitForBit(written, loaded.header());
    }

    @Test
    void aVolumeWithoutAnInputHeaderIsWrittenFloat32WithItsOwnAffine() throws IOException {
        Affine affine = Affine.of(new double[][] {{0, 0, 1.5, -12}, {-1, 0, 0, 15}, {0, -2, 0, 20}});
        Volume v = TestVolumes.indexEncoded(3, 4, 5, affine);
        Path out = dir.resolve("synthetic.nii");
        VolumeIO.write(out, v);

        NiftiHeader written = NiftiReader.readHeader(out);
        assertThat(written.datatype()).isEqualTo(NiftiDataType.FLOAT32);
        assertThat(written.sformCode()).isPositive();
        Volume back = VolumeIO.read(out).volume();
        assertThat(back.data()).containsExactly(v.data());
        double[][] expected = affine.toRows();
        double[][] actual = back.affine().toRows();
        for (int r = 0; r < 4; r++) {
            assertThat(actual[r]).containsExactly(expected[r], within(1e-6));
        }
    }

    private static void assertGeometryBitForBit(NiftiHeader actual, NiftiHeader expected) {
        for (String[] field : GEOMETRY) {
            for (int i = 0; i < Integer.parseInt(field[1]); i++) {
                assertThat(Double.doubleToRawLongBits(actual.number(field[0], i))).as(field[0] + "[" + i + "]")
                    .isEqualTo(Double.doubleToRawLongBits(expected.number(field[0], i)));
            }
        }
    }
}
