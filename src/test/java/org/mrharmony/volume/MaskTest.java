package org.mrharmony.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

class MaskTest {

    @Test
    void countBoundingBoxAndDice() {
        boolean[] a = new boolean[6 * 5 * 4];
        boolean[] b = new boolean[a.length];
        a[idx(1, 2, 0)] = true;
        a[idx(4, 3, 2)] = true;
        a[idx(2, 2, 1)] = true;
        b[idx(1, 2, 0)] = true;
        Mask ma = Mask.of(6, 5, 4, a);
        Mask mb = Mask.of(6, 5, 4, b);
        assertThat(ma.count()).isEqualTo(3);
        assertThat(ma.boundingBox()).contains(IndexBox.fromMinMax(new int[] {1, 2, 0}, new int[] {4, 3, 2}));
        assertThat(Mask.of(6, 5, 4, new boolean[a.length]).boundingBox()).isEmpty();
        assertThat(ma.dice(mb)).isCloseTo(2.0 * 1 / (3 + 1), offset(1e-12));
        a[0] = true;
        assertThat(ma.count()).as("the mask copied its bits").isEqualTo(3);
        Volume asVolume = ma.toVolume(new Grid(6, 5, 4, Affine.diagonal(2, 2, 2)));
        assertThat(asVolume.get(4, 3, 2)).isEqualTo(1f);
        assertThat(asVolume.get(0, 0, 0)).isZero();
        assertThat(Mask.above(asVolume, 0.5)).isEqualTo(ma);
    }

    @Test
    void largestComponentIsKept() {
        Mask m = fromStrings(
            "##..#",
            "#...#",
            "....#",
            ".#..#");
        assertThat(ConnectedComponents.largest(m)).isEqualTo(fromStrings(
            "....#",
            "....#",
            "....#",
            "....#"));
        // Diagonal neighbours are not connected.
        int[] labels = ConnectedComponents.label(fromStrings("#.", ".#"));
        assertThat(labels).containsExactly(1, 0, 0, 2);
    }

    @Test
    void holesConnectedToTheBorderStayOpen() {
        Mask ring = fromStrings(
            ".....",
            ".###.",
            ".#.#.",
            ".###.",
            ".....");
        assertThat(Morphology.fillHoles(ring).count()).isEqualTo(9);
        Mask cup = fromStrings(
            ".....",
            ".#.#.",
            ".#.#.",
            ".###.",
            ".....");
        assertThat(Morphology.fillHoles(cup)).isEqualTo(cup);
    }

    @Test
    void holesAreThreeDimensional() {
        // A hollow 3x3x3 cube is filled; open its top and the cavity is outside again.
        boolean[] closed = new boolean[5 * 5 * 5];
        for (int z = 1; z <= 3; z++) {
            for (int y = 1; y <= 3; y++) {
                for (int x = 1; x <= 3; x++) {
                    closed[x + 5 * (y + 5 * z)] = !(x == 2 && y == 2 && z == 2);
                }
            }
        }
        assertThat(Morphology.fillHoles(Mask.of(5, 5, 5, closed)).count()).isEqualTo(27);
        boolean[] open = closed.clone();
        open[2 + 5 * (2 + 5 * 3)] = false;
        Mask cup = Mask.of(5, 5, 5, open);
        assertThat(Morphology.fillHoles(cup)).isEqualTo(cup);
    }

    @Test
    void sliceWiseFillingClosesCavitiesOpenOnlyThroughTheFieldOfViewEdge() {
        // A square tube along z through the whole volume: open at both ends in 3D.
        boolean[] bits = new boolean[5 * 5 * 4];
        for (int z = 0; z < 4; z++) {
            for (int y = 1; y <= 3; y++) {
                for (int x = 1; x <= 3; x++) {
                    bits[x + 5 * (y + 5 * z)] = !(x == 2 && y == 2);
                }
            }
        }
        Mask tube = Mask.of(5, 5, 4, bits);
        assertThat(Morphology.fillHoles(tube)).isEqualTo(tube);
        assertThat(Morphology.fillHolesInSlices(tube, 0)).as("across x the lumen is open").isEqualTo(tube);
        Mask filled = Morphology.fillHolesInSlices(tube, 2);
        assertThat(filled.count()).isEqualTo(tube.count() + 4);
        for (int z = 0; z < 4; z++) {
            assertThat(filled.get(2, 2, z)).isTrue();
        }
    }

    @Test
    void closingWithTheCrossFillsGapsItFitsInAndKeepsEveryVoxel() {
        Mask gap = fromStrings(
            "......",
            ".##.#.",
            ".##.#.",
            ".##.#.",
            "......");
        // The cross fits in the gap's top and bottom cells from outside, not in its middle.
        assertThat(Morphology.close(gap, 1)).isEqualTo(fromStrings(
            "......",
            ".##.#.",
            ".####.",
            ".##.#.",
            "......"));
        // At the grid's faces: erosion eats from there, closing neither eats nor grows.
        Mask atBorder = fromStrings("###.", "###.", "###.");
        assertThat(Morphology.erode(atBorder, 1)).isEqualTo(fromStrings("....", ".#..", "...."));
        assertThat(Morphology.close(atBorder, 1)).isEqualTo(atBorder);
        Mask notch = fromStrings("#.#", "###");
        assertThat(Morphology.close(notch, 1)).as("a notch at the face is not closed").isEqualTo(notch);
        assertThat(Morphology.dilate(fromStrings("...", ".#.", "..."), 1))
            .isEqualTo(fromStrings(".#.", "###", ".#."));
        assertThat(Morphology.erode(fromStrings(".#.", "###", ".#."), 1))
            .isEqualTo(fromStrings("...", ".#.", "..."));
    }

    private static int idx(int x, int y, int z) {
        return x + 6 * (y + 5 * z);
    }

    /** A one-slice mask drawn as text: rows are y, characters x, '#' set. */
    private static Mask fromStrings(String... rows) {
        int nx = rows[0].length();
        boolean[] bits = new boolean[nx * rows.length];
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < nx; x++) {
                bits[x + nx * y] = rows[y].charAt(x) == '#';
            }
        }
        return Mask.of(nx, rows.length, 1, bits);
    }
}
