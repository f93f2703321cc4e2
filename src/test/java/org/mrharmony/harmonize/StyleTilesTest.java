package org.mrharmony.harmonize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mrharmony.volume.Affine;
import org.mrharmony.volume.Mask;
import org.mrharmony.volume.Volume;

class StyleTilesTest {

    /** A head that is the box [x0, x1) x [y0, y1) in slices [z0, z1) of a 20 x 16 x 6 grid. */
    private static Mask box(int x0, int x1, int y0, int y1, int z0, int z1) {
        boolean[] bits = new boolean[20 * 16 * 6];
        for (int z = z0; z < z1; z++) {
            for (int y = y0; y < y1; y++) {
                for (int x = x0; x < x1; x++) {
                    bits[x + 20 * (y + 16 * z)] = true;
                }
            }
        }
        return Mask.of(20, 16, 6, bits);
    }

    private static final Volume GRID = new Volume(20, 16, 6, Affine.identity());

    @Test
    void headLargerThanATileIsCoveredByTilesThatAreMostlyHead() {
        // Head 16 x 12 in slices 1..4; 8 px tiles: 2 x 2 tiles centred on the head, each fully head.
        List<StyleTiles.Tile> tiles = StyleTiles.place(box(2, 18, 2, 14, 1, 5), GRID, 2, 8, 100);
        assertThat(tiles).hasSize(4 * 4);
        assertThat(tiles).extracting(StyleTiles.Tile::slice).containsOnly(1, 2, 3, 4);
        assertThat(tiles).extracting(StyleTiles.Tile::u).containsOnly(2, 10);
        assertThat(tiles).extracting(StyleTiles.Tile::v).containsOnly(0, 8);
    }

    @Test
    void smallHeadGivesOneCentredTilePerSliceAndTheCapSpreadsTiles() {
        // Head 2 x 2 in slice 3: no 8 px tile is a quarter head, so one tile centred on it.
        List<StyleTiles.Tile> tiles = StyleTiles.place(box(9, 11, 7, 9, 3, 4), GRID, 2, 8, 100);
        assertThat(tiles).containsExactly(new StyleTiles.Tile(3, 6, 4));
        List<StyleTiles.Tile> capped = StyleTiles.place(box(2, 18, 2, 14, 0, 6), GRID, 2, 8, 6);
        assertThat(capped).hasSize(6);
        assertThat(capped).extracting(StyleTiles.Tile::slice).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void tilesOutsideTheSliceArePaddedWithBackground() {
        Volume network = new Volume(20, 16, 6, Affine.identity());
        java.util.Arrays.fill(network.data(), 0.5f);
        List<float[]> tiles = StyleTiles.extract(network, box(0, 3, 0, 3, 2, 3), 2, 1, 8, 10);
        // Head at the corner: the centred tile starts at (-3, -3), so its first 3 rows and columns are padding.
        assertThat(tiles).hasSize(1);
        float[] t = tiles.get(0);
        assertThat(t[0]).isEqualTo(-1f);
        assertThat(t[3 * 8 + 3]).isEqualTo(0.5f);
        assertThat(t[2 * 8 + 7]).isEqualTo(-1f);
    }
}
