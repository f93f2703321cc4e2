package org.mrharmony.report;

import java.util.List;
import java.util.Objects;

/**
 * One labelled row of a {@link MosaicSpec}: the panels of one image (e.g. "harmonized"), how
 * to colour them, and the window. A row built from a volume takes its automatic window from
 * the whole volume, so the three planes of a row share one scale.
 */
public record MosaicRow(String label, List<OrientedSlice> panels, ImageKind kind, DisplayWindow window) {

    public MosaicRow {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(window, "window");
        panels = List.copyOf(panels);
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("mosaic row '" + label + "' has no panels");
        }
    }

    /** Mid axial/coronal/sagittal slices of {@code volume}, automatic window for its kind. */
    public static MosaicRow ofVolume(String label, RasVolume volume, ImageKind kind) {
        return new MosaicRow(label, OrthogonalSlices.mid(volume), kind, autoWindow(volume.data(), kind));
    }

    /** Mid slices with a caller-chosen window, e.g. one window shared by "harmonized" and "truth". */
    public static MosaicRow ofVolume(String label, RasVolume volume, ImageKind kind, DisplayWindow window) {
        return new MosaicRow(label, OrthogonalSlices.mid(volume), kind, window);
    }

    /** Already oriented slices; the automatic window comes from all their pixels. */
    public static MosaicRow ofSlices(String label, List<OrientedSlice> panels, ImageKind kind) {
        int total = panels.stream().mapToInt(p -> p.pixels().length).sum();
        float[] all = new float[total];
        int offset = 0;
        for (OrientedSlice panel : panels) {
            System.arraycopy(panel.pixels(), 0, all, offset, panel.pixels().length);
            offset += panel.pixels().length;
        }
        return new MosaicRow(label, panels, kind, autoWindow(all, kind));
    }

    static DisplayWindow autoWindow(float[] values, ImageKind kind) {
        return kind == ImageKind.DIFFERENCE ? DisplayWindow.symmetric(values) : DisplayWindow.robust(values);
    }
}
