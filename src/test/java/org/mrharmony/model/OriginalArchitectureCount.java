package org.mrharmony.model;

/**
 * Parameter counts of the original PyTorch networks (clovaai/stargan-v2, core/model.py,
 * {@code w_hpf = 0}), computed from the architecture description alone: per-layer formulas for
 * {@code nn.Conv2d}, {@code nn.Linear} and {@code nn.InstanceNorm2d(affine=True)}, walked in
 * loops as the original constructors build them. Independent of our blocks, so it can check them.
 */
final class OriginalArchitectureCount {

    private OriginalArchitectureCount() {}

    static long conv(long in, long out, long kernel, boolean bias) {
        return in * out * kernel * kernel + (bias ? out : 0);
    }

    static long linear(long in, long out) {
        return in * out + out;
    }

    static long instanceNormAffine(long channels) {
        return 2 * channels;
    }

    static long resBlk(long in, long out, boolean normalize) {
        long n = conv(in, in, 3, true) + conv(in, out, 3, true);
        if (normalize) {
            n += 2 * instanceNormAffine(in);
        }
        if (in != out) {
            n += conv(in, out, 1, false);
        }
        return n;
    }

    static long adain(long styleDim, long features) {
        return linear(styleDim, 2 * features);
    }

    static long adainResBlk(long in, long out, long styleDim) {
        long n = conv(in, out, 3, true) + conv(out, out, 3, true) + adain(styleDim, in) + adain(styleDim, out);
        if (in != out) {
            n += conv(in, out, 1, false);
        }
        return n;
    }

    static int log2(int x) {
        return 31 - Integer.numberOfLeadingZeros(x);
    }

    static long generator(int imgSize, int channels, int dimIn, int maxConvDim, int styleDim) {
        long n = conv(channels, dimIn, 3, true) + instanceNormAffine(dimIn) + conv(dimIn, channels, 1, true);
        int repeat = log2(imgSize) - 4;
        long in = dimIn;
        long out = dimIn;
        for (int i = 0; i < repeat; i++) {
            out = Math.min(in * 2, maxConvDim);
            n += resBlk(in, out, true) + adainResBlk(out, in, styleDim);
            in = out;
        }
        for (int i = 0; i < 2; i++) {
            n += resBlk(out, out, true) + adainResBlk(out, out, styleDim);
        }
        return n;
    }

    static long mappingNetwork(int latentDim, int hidden, int styleDim, int domains) {
        long shared = linear(latentDim, hidden) + 3 * linear(hidden, hidden);
        long head = 3 * linear(hidden, hidden) + linear(hidden, styleDim);
        return shared + domains * head;
    }

    /** conv3x3 stem, downsampling ResBlks (no norm), conv4x4; returns {count, output width}. */
    static long[] trunk(int imgSize, int channels, int dimIn, int maxConvDim) {
        long n = conv(channels, dimIn, 3, true);
        long in = dimIn;
        long out = dimIn;
        for (int i = 0; i < log2(imgSize) - 2; i++) {
            out = Math.min(in * 2, maxConvDim);
            n += resBlk(in, out, false);
            in = out;
        }
        n += conv(out, out, 4, true);
        return new long[] {n, out};
    }

    static long styleEncoder(int imgSize, int channels, int dimIn, int maxConvDim, int styleDim, int domains) {
        long[] t = trunk(imgSize, channels, dimIn, maxConvDim);
        return t[0] + domains * linear(t[1], styleDim);
    }

    static long discriminator(int imgSize, int channels, int dimIn, int maxConvDim, int domains) {
        long[] t = trunk(imgSize, channels, dimIn, maxConvDim);
        return t[0] + conv(t[1], domains, 1, true);
    }

    static ParameterCounts of(NetworkConfig c) {
        return new ParameterCounts(
                generator(c.imgSize(), c.inChannels(), c.dimIn(), c.maxConvDim(), c.styleDim()),
                mappingNetwork(c.latentDim(), c.mappingHidden(), c.styleDim(), c.numDomains()),
                styleEncoder(c.imgSize(), c.inChannels(), c.dimIn(), c.maxConvDim(), c.styleDim(), c.numDomains()),
                discriminator(c.imgSize(), c.inChannels(), c.dimIn(), c.maxConvDim(), c.numDomains()));
    }
}
