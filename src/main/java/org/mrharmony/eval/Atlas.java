package org.mrharmony.eval;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mrharmony.volume.Grid;
import org.mrharmony.volume.Resample;
import org.mrharmony.volume.Volume;
import org.mrharmony.volume.VolumeIO;

/**
 * A label atlas in world coordinates (e.g. AAL, {@code aal.nii.gz}) with its region names.
 * It is brought onto a scan's grid by nearest-neighbour resampling through both affines, so
 * it is only as aligned to the scan as the two world coordinate systems are (true of scans
 * made from the atlas's own template, such as a {@code synth --template ch2.nii.gz} cohort,
 * up to each subject's small random deformation).
 *
 * @param labels region number per voxel (0 = none)
 * @param names  region names by number; a region without a name is called by its number
 */
public record Atlas(Volume labels, Map<Integer, String> names) {

    public Atlas {
        names = Map.copyOf(names);
    }

    /**
     * Reads a label NIfTI and the label list beside it, if any: {@code <file>.txt} or
     * {@code <file without .nii[.gz]>.txt}, then the same with {@code .lut}; a list is lines of
     * "number name [anything]" (MRIcron's and FreeSurfer's text formats); binary colour tables
     * are skipped.
     */
    public static Atlas read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such atlas file");
        }
        Volume labels = VolumeIO.read(file).volume();
        float[] d = labels.data();
        boolean any = false;
        for (float v : d) {
            if (v < 0 || v != Math.rint(v)) {
                throw new IOException(file + ": not a label atlas (voxel value " + v + " is not a whole number >= 0)");
            }
            any |= v > 0;
        }
        if (!any) {
            throw new IOException(file + ": the atlas has no labelled voxels");
        }
        for (Path list : labelLists(file)) {
            Map<Integer, String> names = readNames(list);
            if (!names.isEmpty()) {
                return new Atlas(labels, names);
            }
        }
        return new Atlas(labels, Map.of());
    }

    /** The region's name, or its number when the atlas has no name for it. */
    public String name(int region) {
        return names.getOrDefault(region, Integer.toString(region));
    }

    /** Region number per voxel of {@code grid} (nearest neighbour in world space; 0 outside the atlas). */
    public int[] regionsOn(Grid grid) {
        float[] r = Resample.nearest(labels, grid, 0f).data();
        int[] out = new int[r.length];
        for (int i = 0; i < r.length; i++) {
            out[i] = Math.round(r[i]);
        }
        return out;
    }

    private static List<Path> labelLists(Path file) {
        String name = file.getFileName().toString();
        String plain = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        String stem = plain.endsWith(".nii") ? plain.substring(0, plain.length() - 4) : plain;
        List<Path> out = new ArrayList<>();
        for (String ext : new String[] {".txt", ".lut"}) {
            for (String base : new String[] {plain, stem}) {
                Path p = file.resolveSibling(base + ext);
                if (Files.isRegularFile(p) && !out.contains(p)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** "number name ..." lines; empty when the file is not such a text (e.g. a binary colour table). */
    static Map<Integer, String> readNames(Path list) throws IOException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(list)))
                .toString();
        } catch (CharacterCodingException e) {
            return Map.of();
        }
        Map<Integer, String> names = new TreeMap<>();
        for (String line : text.split("\\R")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 2 || f[0].startsWith("#")) {
                continue;
            }
            try {
                names.put(Integer.parseInt(f[0]), f[1]);
            } catch (NumberFormatException e) {
                return Map.of();
            }
        }
        return names;
    }
}
