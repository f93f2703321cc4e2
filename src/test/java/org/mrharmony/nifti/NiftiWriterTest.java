package org.mrharmony.nifti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class NiftiWriterTest {

    @TempDir
    Path dir;

    /** Every field that places voxels in the world; a written 3D volume must keep them all bit for bit. */
    private static final String[][] GEOMETRY = {
        {"qform_code", "1"}, {"sform_code", "1"}, {"quatern_b", "1"}, {"quatern_c", "1"}, {"quatern_d", "1"},
        {"qoffset_x", "1"}, {"qoffset_y", "1"}, {"qoffset_z", "1"},
        {"srow_x", "4"}, {"srow_y", "4"}, {"srow_z", "4"}, {"pixdim", "8"}, {"xyzt_units", "1"}};

    /** An oblique fixture with awkward (non-round) geometry values and random float32 voxels. */
    static NiftiFixture obliqueFixture(boolean nifti2, ByteOrder order, long... dims) {
        NiftiFixture f = (nifti2 ? NiftiFixture.nifti2() : NiftiFixture.nifti1()).order(order).dims(dims);
        f.datatype = 16;
        f.qformCode = 1;
        f.sformCode = 2;
        f.quatern = new double[] {0.1234567, -0.2345678, 0.3456789};
        f.qoffset = new double[] {-91.123456789, 126.98765, -72.000001};
        f.pixdim = new double[] {-1, 0.9375, 0.9375, 1.2, 2.5, 0, 0, 0};
        f.srow = new double[][] {{-0.93, 0.011, 0.02, 91.1}, {0.0123, 0.9375, -0.05, -126.3}, {0.03, 0.04, 1.19, -72.7}};
        f.xyztUnits = 2 | 8;
        Random random = new Random(11);
        double[] values = new double[(int) f.voxelCount()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (1000 * random.nextGaussian() + 300);
        }
        f.values = values;
        return f;
    }

    static Stream<Arguments> roundTrips() {
        List<Arguments> cases = new ArrayList<>();
        for (boolean nifti2 : new boolean[] {false, true}) {
            for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                for (NiftiDataType type : NiftiDataType.values()) {
                    String out = type.ordinal() % 2 == 0 ? "out.nii" : "out.nii.gz";
                    cases.add(Arguments.of(nifti2, order, type, out));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "nifti2={0} {1} -> {2} {3}")
    @MethodSource("roundTrips")
    void roundTripKeepsGeometryBitForBitAndDataWithinTheQuantisationStep(boolean nifti2, ByteOrder order,
            NiftiDataType type, String outName) throws IOException {
        Path in = obliqueFixture(nifti2, order, 5, 4, 3).writeNii(dir, "in.nii");
        NiftiImage original = NiftiReader.read(in);

        Path out = dir.resolve(outName);
        NiftiWriter.write(out, original.header(), original.nx(), original.ny(), original.nz(), original.data(), type);
        NiftiImage back = NiftiReader.read(out);

        assertGeometryBitForBit(back.header(), original.header());
        for (int i = 0; i < 4; i++) {
            assertThat(back.header().dim(i)).isEqualTo(original.header().dim(i));
        }
        assertThat(back.header().format()).isEqualTo(original.header().format());
        assertThat(back.header().datatype()).isEqualTo(type);
        if (type.isInteger()) {
            double tolerance = back.header().sclSlope() / 2 + Math.ulp(5000f);
            assertThat(back.data()).containsExactly(original.data(), within((float) tolerance));
            // The chosen slope uses the type's range: the step is no coarser than needed.
            double range = max(original.data()) - min(original.data());
            double levels = IntegerScaling.maxOf(type) - IntegerScaling.minOf(type);
            assertThat(back.header().sclSlope()).isLessThanOrEqualTo(range / levels * (1 + 1e-6));
        } else {
            assertThat(back.data()).containsExactly(original.data());
            assertThat(back.header().sclSlope()).isEqualTo(1.0);
            assertThat(back.header().sclInter()).isEqualTo(0.0);
        }
    }

    @Test
    void writtenFileHasTheStandardLayout() throws IOException {
        NiftiImage img = NiftiReader.read(obliqueFixture(false, ByteOrder.BIG_ENDIAN, 2, 2, 2).writeNii(dir, "a.nii"));
        Path out = dir.resolve("o.nii");
        NiftiWriter.write(out, img.header(), 2, 2, 2, img.data(), NiftiDataType.INT16);
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.capacity()).isEqualTo(352 + 8 * 2);
        assertThat(b.getInt(0)).isEqualTo(348);
        assertThat(b.getShort(70)).isEqualTo((short) 4);
        assertThat(b.getShort(72)).isEqualTo((short) 16);
        assertThat(b.getFloat(108)).isEqualTo(352f);
        assertThat(new String(Files.readAllBytes(out), 344, 4, "ISO-8859-1")).isEqualTo("n+1\0");
        assertThat(b.getInt(348)).as("extension flag").isZero();

        NiftiImage img2 = NiftiReader.read(obliqueFixture(true, ByteOrder.LITTLE_ENDIAN, 2, 2, 2).writeNii(dir, "b.nii"));
        Path out2 = dir.resolve("o2.nii.gz");
        NiftiWriter.write(out2, img2.header(), 2, 2, 2, img2.data(), NiftiDataType.FLOAT64);
        byte[] raw = gunzip(out2);
        ByteBuffer b2 = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(raw.length).isEqualTo(544 + 8 * 8);
        assertThat(b2.getInt(0)).isEqualTo(540);
        assertThat(new String(raw, 4, 8, "ISO-8859-1")).isEqualTo("n+2\0\r\n\032\n");
        assertThat(b2.getShort(12)).isEqualTo((short) 64);
        assertThat(b2.getLong(168)).isEqualTo(544L);
        assertThat(b2.getInt(540)).as("extension flag").isZero();
        assertThat(b2.getDouble(544)).isEqualTo(img2.data()[0]);
    }

    @ParameterizedTest
    @EnumSource(value = NiftiDataType.class, names = {"UINT8", "INT8", "INT16", "UINT16", "INT32", "UINT32", "INT64"})
    void wholeNumbersThatFitAreStoredExactlyWithoutScaling(NiftiDataType type) throws IOException {
        float[] data = {0, 1, 2, 3, 100, 127, 5, 6};
        NiftiHeader h = NiftiHeader.forVolume(2, 2, 2, identity());
        Path out = dir.resolve("labels.nii.gz");
        NiftiWriter.write(out, h, 2, 2, 2, data, type);
        NiftiImage back = NiftiReader.read(out);
        assertThat(back.header().sclSlope()).isEqualTo(1.0);
        assertThat(back.header().sclInter()).isEqualTo(0.0);
        assertThat(back.data()).containsExactly(data);
    }

    @ParameterizedTest
    @EnumSource(value = NiftiDataType.class, names = {"UINT8", "INT8", "INT16", "UINT16", "INT32", "UINT32", "INT64"})
    void fractionalAndOutOfRangeDataIsScaledWithinHalfAStep(NiftiDataType type) throws IOException {
        Random random = new Random(type.ordinal());
        float[] data = new float[60];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (-5000 + 20000 * random.nextDouble());
        }
        data[7] = -5000.25f;
        data[8] = 15000.75f;
        Path out = dir.resolve("scaled.nii");
        NiftiWriter.write(out, NiftiHeader.forVolume(3, 4, 5, identity()), 3, 4, 5, data, type);
        NiftiImage back = NiftiReader.read(out);
        double slope = back.header().sclSlope();
        assertThat(slope).isPositive();
        for (int i = 0; i < data.length; i++) {
            assertThat((double) back.data()[i]).as("voxel " + i)
                .isCloseTo(data[i], within(slope / 2 + Math.ulp(data[i])));
        }
    }

    @Test
    void constantFractionalDataSurvivesAnIntegerType() throws IOException {
        float[] data = {2.75f, 2.75f, 2.75f, 2.75f};
        Path out = dir.resolve("c.nii");
        NiftiWriter.write(out, NiftiHeader.forVolume(2, 2, 1, identity()), 2, 2, 1, data, NiftiDataType.UINT8);
        assertThat(NiftiReader.read(out).data()).containsExactly(data);
    }

    @Test
    void nanStaysNanInFloatAndBecomesZeroInIntegerTypes() throws IOException {
        float[] data = {Float.NaN, 1.5f, -2.5f, 10f};
        NiftiHeader h = NiftiHeader.forVolume(2, 2, 1, identity());
        Path f = dir.resolve("f.nii");
        NiftiWriter.write(f, h, 2, 2, 1, data, NiftiDataType.FLOAT32);
        assertThat(NiftiReader.read(f).data()).containsExactly(data);
        Path i = dir.resolve("i.nii");
        NiftiWriter.write(i, h, 2, 2, 1, data, NiftiDataType.INT16);
        NiftiImage back = NiftiReader.read(i);
        assertThat((double) back.data()[0]).isCloseTo(0, within(back.header().sclSlope() / 2));
    }

    @Test
    void calMinAndCalMaxAreTheDataRange() throws IOException {
        float[] data = {3, -7.5f, Float.NaN, 12.25f};
        Path out = dir.resolve("cal.nii");
        NiftiWriter.write(out, NiftiHeader.forVolume(4, 1, 1, identity()), 4, 1, 1, data, NiftiDataType.FLOAT32);
        NiftiHeader h = NiftiReader.readHeader(out);
        assertThat(h.number("cal_min")).isEqualTo(-7.5);
        assertThat(h.number("cal_max")).isEqualTo(12.25);
    }

    @Test
    void aVolumeFromA4dFileIsWrittenAs3dWithTheSameGeometry() throws IOException {
        NiftiFixture f = obliqueFixture(false, ByteOrder.BIG_ENDIAN, 3, 2, 2, 4);
        NiftiImage vol2 = NiftiReader.read(f.writeNii(dir, "four.nii.gz"), 2);
        Path out = dir.resolve("vol2.nii");
        NiftiWriter.write(out, vol2.header(), 3, 2, 2, vol2.data(), NiftiDataType.FLOAT32);
        NiftiImage back = NiftiReader.read(out);
        assertThat(back.header().ndim()).isEqualTo(3);
        assertThat(back.header().dim(4)).isEqualTo(1);
        assertThat(back.header().volumeCount()).isEqualTo(1);
        assertThat(back.data()).containsExactly(vol2.data());
        assertGeometryBitForBit(back.header(), vol2.header());
        // The reader's header still says 4D: the writer worked on its own copy.
        assertThat(vol2.header().ndim()).isEqualTo(4);
    }

    @Test
    void aPairTemplateIsWrittenAsASingleFile() throws IOException {
        NiftiFixture f = obliqueFixture(false, ByteOrder.LITTLE_ENDIAN, 2, 2, 2);
        NiftiImage img = NiftiReader.read(f.writePair(dir, "pair", false));
        Path out = dir.resolve("single.nii");
        NiftiWriter.write(out, img.header(), 2, 2, 2, img.data(), NiftiDataType.FLOAT32);
        NiftiHeader h = NiftiReader.readHeader(out);
        assertThat(h.magic()).isEqualTo("n+1");
        assertThat(h.voxOffset()).isEqualTo(352);
    }

    @Test
    void forVolumeHeaderRoundTripsItsAffine() throws IOException {
        double[][] affine = {{0.9, 0.1, 0, -80}, {-0.1, 0.95, 0.2, -110.5}, {0, -0.2, 1.1, -60.25}, {0, 0, 0, 1}};
        Path out = dir.resolve("new.nii.gz");
        NiftiWriter.write(out, NiftiHeader.forVolume(2, 3, 4, affine), 2, 3, 4, new float[24], NiftiDataType.FLOAT32);
        NiftiHeader h = NiftiReader.readHeader(out);
        NiftiGeometryTest.assertRelative(h.affine(), affine, 1e-6);
        assertThat(h.spatialDims()).containsExactly(2, 3, 4);
    }

    @Test
    void writesAtomicallyAndLeavesNoTempFile() throws IOException {
        Path out = dir.resolve("x.nii.gz");
        NiftiHeader h = NiftiHeader.forVolume(2, 1, 1, identity());
        NiftiWriter.write(out, h, 2, 1, 1, new float[] {1, 2}, NiftiDataType.FLOAT32);
        NiftiWriter.write(out, h, 2, 1, 1, new float[] {3, 4}, NiftiDataType.FLOAT32);
        assertThat(NiftiReader.read(out).data()).containsExactly(3f, 4f);
        assertThat(NiftiFiles.isGzip(out)).isTrue();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("x.nii.gz");
        }
    }

    @Test
    void aFailedWriteDeletesItsTempFileAndNamesTheFile() throws IOException {
        // A non-empty folder where the output should go: the final rename must fail.
        Path blocked = Files.createDirectory(dir.resolve("blocked.nii"));
        Files.writeString(blocked.resolve("keep.txt"), "x");
        NiftiHeader h = NiftiHeader.forVolume(2, 1, 1, identity());
        assertThatThrownBy(() -> NiftiWriter.write(blocked, h, 2, 1, 1, new float[2], NiftiDataType.FLOAT32))
            .isInstanceOf(NiftiException.class).hasMessageContaining("blocked.nii");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("blocked.nii");
        }
    }

    @Test
    void refusesBadOutputNamesAndMissingFolders() {
        NiftiHeader h = NiftiHeader.forVolume(1, 1, 1, identity());
        assertThatThrownBy(() -> NiftiWriter.write(dir.resolve("x.img"), h, 1, 1, 1, new float[1], NiftiDataType.FLOAT32))
            .isInstanceOf(NiftiException.class).hasMessageContaining("x.img").hasMessageContaining(".nii");
        assertThatThrownBy(() -> NiftiWriter.write(dir.resolve("no/such/y.nii"), h, 1, 1, 1, new float[1],
            NiftiDataType.FLOAT32)).isInstanceOf(NiftiException.class).hasMessageContaining("y.nii");
        assertThatThrownBy(() -> NiftiWriter.write(dir.resolve("z.nii"), h, 2, 1, 1, new float[1], NiftiDataType.FLOAT32))
            .isInstanceOf(IllegalArgumentException.class);
    }

    static void assertGeometryBitForBit(NiftiHeader actual, NiftiHeader expected) {
        for (String[] field : GEOMETRY) {
            for (int i = 0; i < Integer.parseInt(field[1]); i++) {
                assertThat(Double.doubleToRawLongBits(actual.number(field[0], i))).as(field[0] + "[" + i + "]")
                    .isEqualTo(Double.doubleToRawLongBits(expected.number(field[0], i)));
            }
        }
    }

    private static double[][] identity() {
        return new double[][] {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
    }

    private static byte[] gunzip(Path p) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
            return in.readAllBytes();
        }
    }

    private static double min(float[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (float x : v) {
            m = Math.min(m, x);
        }
        return m;
    }

    private static double max(float[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (float x : v) {
            m = Math.max(m, x);
        }
        return m;
    }
}
