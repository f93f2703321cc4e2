package org.mrharmony.synth;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import org.mrharmony.eval.TissueLabel;
import org.mrharmony.volume.Volume;

/**
 * Cortical thinning, as in ageing or atrophy: a fraction of the outermost grey-matter voxels
 * (those touching CSF or background) turns into CSF, so the ribbon loses depth from the pial
 * side while the white-matter surface stays where it was. Which voxels go is decided by a
 * smooth random field (the lowest values first), so thinning comes in patches, as atrophy
 * does, rather than as salt-and-pepper. A voxel that also touches white matter is kept, so
 * the ribbon never opens and WM never touches CSF through thinning.
 */
final class CorticalThinning {

    static final double PATCH_SPACING_MM = 24;
    private static final int[][] FACES = {{-1, 0, 0}, {1, 0, 0}, {0, -1, 0}, {0, 1, 0}, {0, 0, -1}, {0, 0, 1}};

    private CorticalThinning() {
    }

    /**
     * Turns {@code fraction} of the eligible pial-side GM voxels of {@code labels} into CSF, in
     * place, resetting their texture to 1 (flat CSF). Returns how many voxels changed.
     */
    static int apply(Volume labels, Volume texture, double fraction, SplittableRandom random) {
        if (fraction <= 0) {
            return 0;
        }
        int[] dims = labels.dims();
        float[] l = labels.data();
        int[] eligible = new int[l.length];
        int count = 0;
        for (int z = 0, i = 0; z < dims[2]; z++) {
            for (int y = 0; y < dims[1]; y++) {
                for (int x = 0; x < dims[0]; x++, i++) {
                    if (TissueLabel.of(l[i]) == TissueLabel.GM && touches(labels, x, y, z, false)
                            && !touches(labels, x, y, z, true)) {
                        eligible[count++] = i;
                    }
                }
            }
        }
        float[] field = SmoothRandomField.generate(dims, labels.voxelSizes(), PATCH_SPACING_MM, random);
        int take = (int) Math.round(fraction * count);
        // Lowest field values first, ties by index, for a reproducible choice.
        Integer[] order = new Integer[count];
        for (int c = 0; c < count; c++) {
            order[c] = eligible[c];
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> field[i]).thenComparingInt(i -> i));
        float[] t = texture.data();
        for (int c = 0; c < take; c++) {
            int i = order[c];
            l[i] = TissueLabel.CSF;
            t[i] = 1f;
        }
        return take;
    }

    /** Whether a face neighbour is WM ({@code wm}) or else CSF/background (outside the brain). */
    private static boolean touches(Volume labels, int x, int y, int z, boolean wm) {
        for (int[] d : FACES) {
            int xx = x + d[0];
            int yy = y + d[1];
            int zz = z + d[2];
            if (!labels.contains(xx, yy, zz)) {
                continue;
            }
            int n = TissueLabel.of(labels.get(xx, yy, zz));
            if (wm ? n == TissueLabel.WM : n == TissueLabel.CSF || n == TissueLabel.BACKGROUND) {
                return true;
            }
        }
        return false;
    }
}
