package org.mrharmony.nifti;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Turns stored voxel bytes into scaled floats, a chunk at a time, so a volume is never held
 * twice (once as bytes, once as floats) and a gzip stream is decompressed as it is read.
 */
final class VoxelDecoder {

    /** A multiple of every datatype size. */
    private static final int CHUNK_BYTES = 1 << 16;

    private VoxelDecoder() {
    }

    /**
     * Fills {@code out} with {@code raw * slope + inter} for each stored value (pass slope 1,
     * inter 0 for none). Returns how many voxels were read: fewer than {@code out.length}
     * means the stream ended early.
     */
    static int read(InputStream in, NiftiDataType type, ByteOrder order, double slope, double inter, float[] out)
            throws IOException {
        int size = type.bytes();
        byte[] chunk = new byte[(int) Math.min(CHUNK_BYTES, (long) out.length * size)];
        ByteBuffer bytes = ByteBuffer.wrap(chunk).order(order);
        int done = 0;
        while (done < out.length) {
            int want = Math.min(out.length - done, CHUNK_BYTES / size);
            int got = in.readNBytes(chunk, 0, want * size);
            int whole = got / size;
            bytes.clear();
            decode(bytes, type, whole, slope, inter, out, done);
            done += whole;
            if (got < want * size) {
                break;
            }
        }
        return done;
    }

    private static void decode(ByteBuffer b, NiftiDataType type, int n, double slope, double inter,
                               float[] out, int at) {
        // One loop per type keeps the type switch out of the per-voxel path.
        switch (type) {
            case UINT8 -> {
                for (int i = 0; i < n; i++) {
                    out[at + i] = (float) ((b.get() & 0xFF) * slope + inter);
                }
            }
            case INT8 -> {
                for (int i = 0; i < n; i++) {
                    out[at + i] = (float) (b.get() * slope + inter);
                }
            }
            case INT16 -> {
                for (int i = 0; i < n; i++) {
                    out[at + i] = (float) (b.getShort() * slope + inter);
                }
            }
            case UINT16 -> {
                for (int i = 0; i < n; i++) {
                    out[at + i] = (float) ((b.getShort() & 0xFFFF) * slope + inter);
                }
            }
            case INT32 -> {
                for (int i = 0; i < n; i++) {
                    out[at + i] = (float) (b.getInt() * slope + inter);
                }
            }
            case UINT32 -> {
                for (int i = 0; i < n; i++) {
                    out[at + i] = (float) ((b.getInt() & 0xFFFFFFFFL) * slope + inter);
                }
            }
            case INT64 -> {
                for (int i = 0; i < n; i++) {
                    out[at + i] = (float) (b.getLong() * slope + inter);
                }
            }
            case FLOAT32 -> {
                if (slope == 1 && inter == 0) {
                    // Unscaled floats pass through untouched (keeps -0.0 and NaN payloads).
                    for (int i = 0; i < n; i++) {
                        out[at + i] = b.getFloat();
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        out[at + i] = (float) (b.getFloat() * slope + inter);
                    }
                }
            }
            case FLOAT64 -> {
                for (int i = 0; i < n; i++) {
                    out[at + i] = (float) (b.getDouble() * slope + inter);
                }
            }
        }
    }
}
