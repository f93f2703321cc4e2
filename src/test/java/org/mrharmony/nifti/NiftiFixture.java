package org.mrharmony.nifti;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Builds NIfTI test files byte by byte, independently of the production code: offsets are
 * typed in here from nifti1.h / nifti2.h, not taken from {@link HeaderLayout}, and voxels
 * are encoded here, not by {@link NiftiWriter}. A mistake in the layout table therefore
 * shows up as a failing test instead of cancelling out.
 */
final class NiftiFixture {

    boolean nifti2;
    ByteOrder order = ByteOrder.LITTLE_ENDIAN;
    long[] dim = {3, 2, 3, 4, 1, 1, 1, 1};
    int datatype = 16;
    int bitpix = -1;
    double[] pixdim = {1, 1, 1, 1, 0, 0, 0, 0};
    double sclSlope = 1;
    double sclInter = 0;
    int qformCode;
    int sformCode;
    double[] quatern = {0, 0, 0};
    double[] qoffset = {0, 0, 0};
    double[][] srow = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}};
    int xyztUnits = 2 | 8;
    String magic;
    long voxOffset = -1;
    int sizeofHdr = -1;
    /** Values to store (already in stored units, before scaling); defaults to 0, 1, 2, ... */
    double[] values;

    static NiftiFixture nifti1() {
        return new NiftiFixture();
    }

    static NiftiFixture nifti2() {
        NiftiFixture f = new NiftiFixture();
        f.nifti2 = true;
        return f;
    }

    NiftiFixture order(ByteOrder o) {
        order = o;
        return this;
    }

    NiftiFixture dims(long... d) {
        dim = new long[] {d.length, 1, 1, 1, 1, 1, 1, 1};
        System.arraycopy(d, 0, dim, 1, d.length);
        return this;
    }

    NiftiFixture datatype(int code) {
        datatype = code;
        return this;
    }

    NiftiFixture values(double... v) {
        values = v;
        return this;
    }

    NiftiFixture scaling(double slope, double inter) {
        sclSlope = slope;
        sclInter = inter;
        return this;
    }

    long voxelCount() {
        long n = 1;
        for (int i = 1; i <= dim[0] && i < 8; i++) {
            n *= dim[i];
        }
        return n;
    }

    static int bytesOf(int datatype) {
        return switch (datatype) {
            case 2, 256 -> 1;
            case 4, 512 -> 2;
            case 8, 16, 768 -> 4;
            case 64, 1024, 32 -> 8;
            case 128 -> 3;
            default -> 1;
        };
    }

    int headerSize() {
        return nifti2 ? 540 : 348;
    }

    byte[] header(boolean pair) {
        ByteBuffer b = ByteBuffer.allocate(headerSize()).order(order);
        String m = magic != null ? magic : nifti2 ? (pair ? "ni2\0\r\n\032\n" : "n+2\0\r\n\032\n") : (pair ? "ni1" : "n+1");
        long offset = voxOffset >= 0 ? voxOffset : pair ? 0 : nifti2 ? 544 : 352;
        int bits = bitpix >= 0 ? bitpix : 8 * bytesOf(datatype);
        b.putInt(0, sizeofHdr >= 0 ? sizeofHdr : headerSize());
        if (!nifti2) {
            for (int i = 0; i < 8; i++) {
                b.putShort(40 + 2 * i, (short) dim[i]);
                b.putFloat(76 + 4 * i, (float) pixdim[i]);
            }
            b.putShort(70, (short) datatype);
            b.putShort(72, (short) bits);
            b.putFloat(108, offset);
            b.putFloat(112, (float) sclSlope);
            b.putFloat(116, (float) sclInter);
            b.put(123, (byte) xyztUnits);
            b.putShort(252, (short) qformCode);
            b.putShort(254, (short) sformCode);
            for (int i = 0; i < 3; i++) {
                b.putFloat(256 + 4 * i, (float) quatern[i]);
                b.putFloat(268 + 4 * i, (float) qoffset[i]);
                for (int c = 0; c < 4; c++) {
                    b.putFloat(280 + 16 * i + 4 * c, (float) srow[i][c]);
                }
            }
            b.put(344, m.getBytes(StandardCharsets.ISO_8859_1));
        } else {
            b.put(4, m.getBytes(StandardCharsets.ISO_8859_1));
            b.putShort(12, (short) datatype);
            b.putShort(14, (short) bits);
            for (int i = 0; i < 8; i++) {
                b.putLong(16 + 8 * i, dim[i]);
                b.putDouble(104 + 8 * i, pixdim[i]);
            }
            b.putLong(168, offset);
            b.putDouble(176, sclSlope);
            b.putDouble(184, sclInter);
            b.putInt(344, qformCode);
            b.putInt(348, sformCode);
            for (int i = 0; i < 3; i++) {
                b.putDouble(352 + 8 * i, quatern[i]);
                b.putDouble(376 + 8 * i, qoffset[i]);
                for (int c = 0; c < 4; c++) {
                    b.putDouble(400 + 32 * i + 8 * c, srow[i][c]);
                }
            }
            b.putInt(500, xyztUnits);
        }
        return b.array();
    }

    /** The stored voxel bytes, encoded here per datatype code. */
    byte[] data() {
        int n = (int) voxelCount();
        double[] v = values;
        if (v == null) {
            v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = i % 100;
            }
        }
        ByteBuffer b = ByteBuffer.allocate(v.length * bytesOf(datatype)).order(order);
        for (double x : v) {
            switch (datatype) {
                case 2, 256 -> b.put((byte) (long) x);
                case 4, 512 -> b.putShort((short) (long) x);
                case 8, 768 -> b.putInt((int) (long) x);
                case 1024 -> b.putLong((long) x);
                case 16 -> b.putFloat((float) x);
                case 64 -> b.putDouble(x);
                default -> {
                    for (int i = 0; i < bytesOf(datatype); i++) {
                        b.put((byte) 7);
                    }
                }
            }
        }
        return b.array();
    }

    /** The values a reader should return: stored values with the standard's scaling. */
    float[] expected() {
        double[] v = values;
        int n = (int) voxelCount();
        float[] out = new float[v == null ? n : v.length];
        boolean scaled = sclSlope != 0 && Double.isFinite(sclSlope);
        for (int i = 0; i < out.length; i++) {
            double x = v == null ? i % 100 : v[i];
            double inter = Double.isFinite(sclInter) ? sclInter : 0;
            out[i] = scaled ? (float) (x * (nifti2 ? sclSlope : (float) sclSlope) + (nifti2 ? inter : (float) inter))
                : (float) x;
        }
        return out;
    }

    /** A single file; gzipped when the name ends in .gz. */
    Path writeNii(Path dir, String name) throws IOException {
        Path p = dir.resolve(name);
        byte[] gap = new byte[(int) Math.max(0, (voxOffset >= 0 ? voxOffset : nifti2 ? 544 : 352) - headerSize())];
        write(p, header(false), gap, data());
        return p;
    }

    /** A .hdr/.img pair; returns the .hdr path. */
    Path writePair(Path dir, String stem, boolean gz) throws IOException {
        Path hdr = dir.resolve(stem + (gz ? ".hdr.gz" : ".hdr"));
        write(hdr, header(true));
        write(dir.resolve(stem + (gz ? ".img.gz" : ".img")), data());
        return hdr;
    }

    static void write(Path p, byte[]... parts) throws IOException {
        try (OutputStream raw = Files.newOutputStream(p);
             OutputStream out = p.toString().endsWith(".gz") ? new GZIPOutputStream(raw) : raw) {
            for (byte[] part : parts) {
                out.write(part);
            }
        }
    }
}
