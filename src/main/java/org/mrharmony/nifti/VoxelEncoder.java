package org.mrharmony.nifti;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Writes floats as stored voxels of one datatype, little endian, a chunk at a time. */
final class VoxelEncoder {

    private static final int CHUNK_BYTES = 1 << 16;

    private VoxelEncoder() {
    }

    /** {@code scaling} is used for integer types only; float types store the values as they are. */
    static void write(OutputStream out, float[] data, NiftiDataType type, IntegerScaling scaling) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        int perChunk = CHUNK_BYTES / type.bytes();
        for (int start = 0; start < data.length; start += perChunk) {
            int end = Math.min(data.length, start + perChunk);
            b.clear();
            encode(b, data, start, end, type, scaling);
            out.write(b.array(), 0, b.position());
        }
    }

    private static void encode(ByteBuffer b, float[] data, int start, int end, NiftiDataType type,
                               IntegerScaling s) {
        switch (type) {
            case FLOAT32 -> {
                for (int i = start; i < end; i++) {
                    b.putFloat(data[i]);
                }
            }
            case FLOAT64 -> {
                for (int i = start; i < end; i++) {
                    b.putDouble(data[i]);
                }
            }
            case UINT8, INT8 -> {
                for (int i = start; i < end; i++) {
                    b.put((byte) s.quantize(data[i]));
                }
            }
            case INT16, UINT16 -> {
                for (int i = start; i < end; i++) {
                    b.putShort((short) s.quantize(data[i]));
                }
            }
            case INT32, UINT32 -> {
                for (int i = start; i < end; i++) {
                    b.putInt((int) s.quantize(data[i]));
                }
            }
            case INT64 -> {
                for (int i = start; i < end; i++) {
                    b.putLong(s.quantize(data[i]));
                }
            }
        }
    }
}
