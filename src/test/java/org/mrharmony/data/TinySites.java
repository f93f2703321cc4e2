package org.mrharmony.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.mrharmony.volume.Affine;
import org.mrharmony.volume.Volume;

/** Small in-memory multi-site data for tests: a two-tissue ellipsoid "head" per volume, site-specific contrast. */
public final class TinySites {

    private TinySites() {
    }

    /** Site s scales the inner tissue by (1 + 0.5 s) and adds noise s * 2. */
    public static Volume head(int n, int nz, int site, long seed) {
        Random r = new Random(seed);
        Volume v = new Volume(n, n, nz, Affine.diagonal(1.5, 1.5, 2));
        double cx = (n - 1) / 2.0 + r.nextDouble() - 0.5;
        double cz = (nz - 1) / 2.0;
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    double d = Math.pow((x - cx) / (0.4 * n), 2) + Math.pow((y - cx) / (0.45 * n), 2)
                        + Math.pow((z - cz) / (0.45 * nz), 2);
                    float value = 0;
                    if (d < 1) {
                        value = d < 0.4 ? 100f * (1 + 0.5f * site) : 60f;
                        value += (float) (r.nextGaussian() * (1 + 2 * site));
                    }
                    v.set(x, y, z, Math.max(0, value));
                }
            }
        }
        return v;
    }

    public static TrainingSet trainingSet(int sites, int volumesPerSite, int n, int nz, SlicingConfig slicing)
            throws IOException {
        List<String> names = new ArrayList<>();
        List<List<PreparedVolume>> bySite = new ArrayList<>();
        for (int s = 0; s < sites; s++) {
            names.add("site" + (char) ('A' + s));
            List<PreparedVolume> vols = new ArrayList<>();
            for (int i = 0; i < volumesPerSite; i++) {
                vols.add(VolumePreparer.prepare(head(n, nz, s, 100L * s + i), Path.of("mem", "s" + s + "_" + i),
                    names.get(s), s, slicing, InputStandard.NONE));
            }
            bySite.add(vols);
        }
        return new TrainingSet(names, bySite, slicing);
    }
}
