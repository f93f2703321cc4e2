package org.mrharmony.harmonize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mrharmony.data.IntensityNormalization;
import org.mrharmony.volume.Mask;
import org.mrharmony.volume.SlicePlane;
import org.mrharmony.volume.Slices;
import org.mrharmony.volume.Volume;

/**
 * The square crops of a volume's stacks that the style encoder reads: it only takes its training
 * patch size, so a reference volume is cut into a grid of patch-sized tiles over the head's
 * in-plane extent, and the tiles that are at least {@value #MIN_HEAD_FRACTION} head are kept. A
 * head smaller than the patch gives one tile per slice, centred on the head and padded with the
 * background value. At most {@code maxTiles} tiles, spread evenly over the volume, are used: the
 * average of a few hundred codes is as good as that of thousands and much cheaper.
 */
final class StyleTiles {

    static final double MIN_HEAD_FRACTION = 0.25;

    private StyleTiles() {
    }

    /** Where a tile is: its slice and the in-plane index of its first pixel. */
    record Tile(int slice, int u, int v) {
    }

    /** The tiles' stacks, each channel-major: {@code channels * size * size} values. */
    static List<float[]> extract(Volume network, Mask head, int axis, int channels, int size, int maxTiles) {
        List<Tile> tiles = place(head, network, axis, size, maxTiles);
        Map<Integer, float[][]> stacks = new HashMap<>();
        SlicePlane plane = SlicePlane.of(network, axis);
        List<float[]> out = new ArrayList<>(tiles.size());
        for (Tile t : tiles) {
            float[][] stack = stacks.computeIfAbsent(t.slice(), k -> Slices.stack(network, axis, k, channels));
            float[] tile = new float[channels * size * size];
            for (int c = 0; c < channels; c++) {
                cut(stack[c], plane, t.u(), t.v(), size, tile, c * size * size);
            }
            out.add(tile);
        }
        return out;
    }

    /** The tile positions (see the class comment). */
    static List<Tile> place(Mask head, Volume grid, int axis, int size, int maxTiles) {
        SlicePlane plane = SlicePlane.of(grid, axis);
        Volume maskVolume = head.toVolume(grid.grid());
        List<float[]> headSlices = new ArrayList<>(plane.count());
        int uMin = Integer.MAX_VALUE;
        int uMax = -1;
        int vMin = Integer.MAX_VALUE;
        int vMax = -1;
        for (int k = 0; k < plane.count(); k++) {
            float[] m = Slices.extract(maskVolume, axis, k);
            headSlices.add(m);
            for (int v = 0; v < plane.height(); v++) {
                for (int u = 0; u < plane.width(); u++) {
                    if (m[v * plane.width() + u] > 0) {
                        uMin = Math.min(uMin, u);
                        uMax = Math.max(uMax, u);
                        vMin = Math.min(vMin, v);
                        vMax = Math.max(vMax, v);
                    }
                }
            }
        }
        if (uMax < 0) {
            throw new IllegalArgumentException("empty head mask: nothing to take a style from");
        }
        int nu = Math.max(1, ceilDiv(uMax - uMin + 1, size));
        int nv = Math.max(1, ceilDiv(vMax - vMin + 1, size));
        int u0 = (uMin + uMax + 1) / 2 - nu * size / 2;
        int v0 = (vMin + vMax + 1) / 2 - nv * size / 2;
        List<Tile> kept = new ArrayList<>();
        List<Tile> centred = new ArrayList<>();
        int needed = (int) Math.ceil(MIN_HEAD_FRACTION * size * size);
        for (int k = 0; k < plane.count(); k++) {
            float[] m = headSlices.get(k);
            if (headCount(m, plane, 0, 0, plane.width(), plane.height()) == 0) {
                continue;
            }
            centred.add(new Tile(k, (uMin + uMax + 1) / 2 - size / 2, (vMin + vMax + 1) / 2 - size / 2));
            for (int i = 0; i < nu; i++) {
                for (int j = 0; j < nv; j++) {
                    int u = u0 + i * size;
                    int v = v0 + j * size;
                    if (headCount(m, plane, u, v, size, size) >= needed) {
                        kept.add(new Tile(k, u, v));
                    }
                }
            }
        }
        return spread(kept.isEmpty() ? centred : kept, maxTiles);
    }

    /** At most {@code max} of the tiles, evenly spaced in their order. */
    private static List<Tile> spread(List<Tile> tiles, int max) {
        if (tiles.size() <= max) {
            return tiles;
        }
        List<Tile> out = new ArrayList<>(max);
        for (int i = 0; i < max; i++) {
            out.add(tiles.get((int) ((long) i * tiles.size() / max)));
        }
        return out;
    }

    private static int headCount(float[] mask, SlicePlane plane, int u0, int v0, int w, int h) {
        int n = 0;
        for (int v = Math.max(0, v0); v < Math.min(plane.height(), v0 + h); v++) {
            for (int u = Math.max(0, u0); u < Math.min(plane.width(), u0 + w); u++) {
                if (mask[v * plane.width() + u] > 0) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Copies the square at (u0, v0) of a slice into {@code dst[at..]}; outside the slice is background. */
    private static void cut(float[] slice, SlicePlane plane, int u0, int v0, int size, float[] dst, int at) {
        for (int v = 0; v < size; v++) {
            for (int u = 0; u < size; u++) {
                int su = u0 + u;
                int sv = v0 + v;
                boolean inside = su >= 0 && sv >= 0 && su < plane.width() && sv < plane.height();
                dst[at + v * size + u] = inside ? slice[sv * plane.width() + su] : IntensityNormalization.BACKGROUND;
            }
        }
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
