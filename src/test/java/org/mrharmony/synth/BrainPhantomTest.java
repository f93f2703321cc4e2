package org.mrharmony.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.mrharmony.eval.CorticalThickness;
import org.mrharmony.eval.ThicknessMap;
import org.mrharmony.eval.TissueLabel;
import org.mrharmony.volume.Volume;

class BrainPhantomTest {

    static int[] labelCounts(Volume labels) {
        int[] counts = new int[4];
        for (float v : labels.data()) {
            counts[TissueLabel.of(v)]++;
        }
        return counts;
    }

    @Test
    void gridIsRasCentredOnTheOriginWith192MmFieldOfView() {
        Volume labels = BrainPhantom.build(64, 1).labels();
        assertThat(labels.voxelSizes()).containsExactly(new double[] {3, 3, 3}, Offset.offset(1e-12));
        double[] first = labels.affine().apply(0, 0, 0);
        double[] last = labels.affine().apply(63, 63, 63);
        for (int a = 0; a < 3; a++) {
            assertThat(first[a] + last[a]).isCloseTo(0, Offset.offset(1e-9));
            assertThat(last[a] - first[a]).isCloseTo(189, Offset.offset(1e-9));
        }
    }

    @Test
    void tissueVolumesAndCorticalThicknessArePlausibleAt128() {
        Anatomy phantom = BrainPhantom.build(128, 3);
        int[] counts = labelCounts(phantom.labels());
        double voxelMl = Math.pow(1.5, 3) / 1000;
        double gm = counts[TissueLabel.GM] * voxelMl;
        double wm = counts[TissueLabel.WM] * voxelMl;
        double csf = counts[TissueLabel.CSF] * voxelMl;
        // An adult brain holds roughly 0.9-1.5 l of tissue; CSF a tenth to a third of the intracranial volume.
        assertThat(gm + wm).isBetween(900.0, 1500.0);
        assertThat(csf / (gm + wm + csf)).isBetween(0.1, 0.35);
        assertThat(gm / wm).isBetween(0.3, 1.5);

        ThicknessMap thickness = new CorticalThickness().measure(phantom.labels());
        assertThat(thickness.meanMm()).isCloseTo(BrainPhantom.RIBBON_MM, Offset.offset(0.5 * 1.5));
        // Deep grey nuclei enclosed by WM have no thickness; the cortex nearly all has.
        assertThat(thickness.measuredVoxels()).isGreaterThan((int) (0.9 * thickness.gmVoxels()));
    }

    @Test
    void headIsScalpAndSkullAroundTheBrainWithAirOutside() {
        Anatomy phantom = BrainPhantom.build(64, 2);
        Volume labels = phantom.labels();
        Volume texture = phantom.texture();
        assertThat(labels.get(0, 0, 0)).isZero();
        assertThat(texture.get(0, 0, 0)).isZero();
        // Walking out from the centre along +x: WM, then GM, CSF, then non-brain head tissue, then air.
        int c = 32;
        int lastLabel = TissueLabel.WM;
        boolean sawScalp = false;
        for (int x = c; x < 64; x++) {
            int l = TissueLabel.of(labels.get(x, c, c));
            if (l == TissueLabel.BACKGROUND && texture.get(x, c, c) > 0.5f) {
                sawScalp = true;
            }
            lastLabel = l;
        }
        assertThat(lastLabel).isEqualTo(TissueLabel.BACKGROUND);
        assertThat(sawScalp).isTrue();
        assertThat(labelCounts(labels)[TissueLabel.GM]).isPositive();
    }

    /**
     * The phantom's design, checked from outside: an unfolded ellipsoidal brain (semi-axes 64, 78,
     * 60 mm) would have CSF and cortex only in its outer 5.5 mm (3 mm CSF + 2.5 mm ribbon), i.e.
     * at ellipsoidal radius above ~0.9; the lateral ventricles (ellipsoids centred at x = +-10,
     * y = 2, z = 12 mm, semi-axes 5, 20, 8) are the only CSF deep inside; the deep grey nuclei
     * (centred at x = +-26, y = -2, z = 0, semi-axes 8, 14, 9) are left out of the cortex count.
     */
    @Test
    void sulciFoldTheCortexDeepIntoTheBrainAndTheVentriclesAreTheOnlyDeepCsf() {
        Volume labels = BrainPhantom.build(64, 2).labels();
        double[][] ventricles = {{-10, 2, 12, 5, 20, 8}, {10, 2, 12, 5, 20, 8}};
        double[][] deepGrey = {{-26, -2, 0, 8, 14, 9}, {26, -2, 0, 8, 14, 9}};
        int insideVentricles = 0;
        int deepCsfOutsideVentricles = 0;
        int shell = 0;
        int foldedIntoShell = 0;
        for (int z = 0; z < 64; z++) {
            for (int y = 0; y < 64; y++) {
                for (int x = 0; x < 64; x++) {
                    double[] p = labels.affine().apply(x, y, z);
                    int label = TissueLabel.of(labels.get(x, y, z));
                    double rho = Math.sqrt(sq(p[0] / 64) + sq(p[1] / 78) + sq(p[2] / 60));
                    boolean inVentricle = insideAny(p, ventricles);
                    if (inVentricle) {
                        insideVentricles++;
                        assertThat(label).as("ventricle voxel %d,%d,%d", x, y, z).isEqualTo(TissueLabel.CSF);
                    } else if (rho < 0.5 && label == TissueLabel.CSF) {
                        deepCsfOutsideVentricles++;
                    }
                    // 9 to 26 mm beneath the hull along the short axis: below any unfolded cortex
                    if (rho > 0.55 && rho < 0.85 && !insideAny(p, deepGrey)) {
                        shell++;
                        foldedIntoShell += label == TissueLabel.GM || label == TissueLabel.CSF ? 1 : 0;
                    }
                }
            }
        }
        // 2 x 4/3 pi 5 20 8 mm^3 = 6702 mm^3, about 248 voxels of 27 mm^3
        assertThat(insideVentricles).isBetween(200, 300);
        assertThat(deepCsfOutsideVentricles).isZero();
        // sulci (20 mm deep) and the interhemispheric fissure (24 mm) bring CSF and cortex into the shell
        assertThat((double) foldedIntoShell / shell).as("%d of %d shell voxels", foldedIntoShell, shell)
            .isGreaterThan(0.1);
    }

    private static boolean insideAny(double[] p, double[][] ellipsoids) {
        for (double[] e : ellipsoids) {
            if (sq((p[0] - e[0]) / e[3]) + sq((p[1] - e[1]) / e[4]) + sq((p[2] - e[2]) / e[5]) < 1) {
                return true;
            }
        }
        return false;
    }

    private static double sq(double v) {
        return v * v;
    }

    @Test
    void sameSeedSameAnatomyOtherSeedOtherFolds() {
        Anatomy a = BrainPhantom.build(48, 5);
        Anatomy b = BrainPhantom.build(48, 5);
        Anatomy c = BrainPhantom.build(48, 6);
        assertThat(a.labels().data()).isEqualTo(b.labels().data());
        assertThat(a.texture().data()).isEqualTo(b.texture().data());
        assertThat(a.labels().data()).isNotEqualTo(c.labels().data());
    }

    @Test
    void rejectsTinyGrids() {
        assertThatThrownBy(() -> BrainPhantom.build(8, 1)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("at least 16");
    }
}
