package org.mrharmony.report;

import java.util.Random;

/**
 * A crude brain-like test volume in RAS order (ellipsoidal brain, grey-matter shell, white
 * matter core, two ventricles) and "site styles" of it, for sample reports and mosaics.
 */
record Phantom(RasVolume volume) {

    static final float CSF = 0.25f;
    static final float GREY = 0.6f;
    static final float WHITE = 1.0f;

    static Phantom brain(int nx, int ny, int nz, long seed) {
        float[] data = new float[nx * ny * nz];
        Random random = new Random(seed);
        double cx = (nx - 1) / 2.0;
        double cy = (ny - 1) / 2.0;
        double cz = (nz - 1) / 2.0;
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    double ex = (x - cx) / (0.45 * nx);
                    double ey = (y - cy) / (0.45 * ny);
                    double ez = (z - cz) / (0.45 * nz);
                    double r = Math.sqrt(ex * ex + ey * ey + ez * ez);
                    // gyri: the grey/white border wobbles
                    double wobble = 0.06 * Math.sin(9 * Math.atan2(ey, ex)) * Math.cos(7 * ez);
                    float value = 0;
                    if (r < 1.0) {
                        value = r < 0.78 + wobble ? WHITE : GREY;
                        double vx = Math.abs(x - cx) / (0.06 * nx) - 1.3;
                        double vy = (y - cy) / (0.22 * ny);
                        double vz = (z - cz - 0.05 * nz) / (0.12 * nz);
                        if (vx * vx + vy * vy + vz * vz < 1.0) {
                            value = CSF;
                        }
                        value += (float) (0.02 * random.nextGaussian());
                    }
                    data[x + nx * (y + ny * z)] = value;
                }
            }
        }
        return new Phantom(new RasVolume(nx, ny, nz, data, 2.0, 2.0, 2.0));
    }

    /** The same anatomy as another site would show it: scale, offset, noise, a left-right bias. */
    static RasVolume restyle(RasVolume v, double scale, double offset, double noise, long seed) {
        Random random = new Random(seed);
        float[] out = new float[v.data().length];
        for (int z = 0; z < v.nz(); z++) {
            for (int y = 0; y < v.ny(); y++) {
                for (int x = 0; x < v.nx(); x++) {
                    int i = x + v.nx() * (y + v.ny() * z);
                    float value = v.data()[i];
                    if (value != 0) {
                        double bias = 1 + 0.15 * (x - v.nx() / 2.0) / v.nx();
                        value = (float) ((value * scale + offset / 100.0) * bias + noise * random.nextGaussian());
                    }
                    out[i] = value;
                }
            }
        }
        return new RasVolume(v.nx(), v.ny(), v.nz(), out, v.dx(), v.dy(), v.dz());
    }
}
