package org.mrharmony.synth;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.mrharmony.io.Sha256;

/**
 * "This is the same cohort": a SHA-256 of how a {@code synth} cohort was made — its recipe — so
 * that a model trained on one cohort can be recognised as belonging to another folder holding
 * the same data.
 *
 * <p>The recipe is cohort.json's inputs: format version, seed, grid size, voxel size, every
 * site's parameters, every subject's id, split and seed, and the anatomy's <em>content</em>
 * (SHA-256 of the template and mask files, or {@code phantom}) instead of their paths. Left
 * out on purpose: the subjects' measured figures (RMS deformation, thinned voxels), which come
 * out of floating-point code whose last bits may differ between machines, and the scans'
 * bytes (gzip output and the same last bits again) — hashing those would call the same cohort
 * different on another machine.
 */
public final class CohortFingerprint {

    private CohortFingerprint() {
    }

    /** The fingerprint of the cohort in {@code folder} ({@code sha256:} + 64 hex digits). */
    public static String of(Path folder) throws IOException {
        return of(CohortManifest.read(folder), folder.resolve(CohortManifest.FILE_NAME));
    }

    /**
     * @param manifestFile cohort.json, named in the error when an anatomy file it lists is gone
     */
    static String of(CohortManifest m, Path manifestFile) throws IOException {
        byte[] recipe = Json.MAPPER.writeValueAsBytes(recipe(m, manifestFile));
        return "sha256:" + Sha256.of(recipe);
    }

    static ObjectNode recipe(CohortManifest m, Path manifestFile) throws IOException {
        ObjectNode r = Json.MAPPER.createObjectNode();
        r.put("format_version", m.formatVersion());
        r.put("seed", m.seed());
        r.put("size", m.size());
        ArrayNode voxel = r.putArray("voxel_size_mm");
        for (double v : m.voxelSizeMm()) {
            voxel.add(v);
        }
        r.put("anatomy", anatomyHash(m.anatomy(), manifestFile));
        r.put("anatomy_mask", m.anatomyMask() == null ? null : anatomyHash(m.anatomyMask(), manifestFile));
        r.set("sites", Json.MAPPER.valueToTree(m.sites()));
        ArrayNode subjects = r.putArray("subjects");
        for (SubjectParameters s : m.subjects()) {
            subjects.addObject().put("id", s.id()).put("split", s.split()).put("seed", s.seed());
        }
        return r;
    }

    private static String anatomyHash(String anatomy, Path manifestFile) throws IOException {
        if (CohortManifest.PHANTOM.equals(anatomy)) {
            return CohortManifest.PHANTOM;
        }
        Path file = Path.of(anatomy);
        if (!Files.isRegularFile(file)) {
            throw new IOException(manifestFile + ": its anatomy file " + anatomy + " is not here; cannot tell "
                + "which cohort this is");
        }
        return Sha256.of(file);
    }

    /** One line for messages: "the Colin27 T1 (ch2.nii.gz), 8 subjects x 4 sites at 128^3, seed 1". */
    public static String describe(CohortManifest m) {
        String anatomy = CohortManifest.PHANTOM.equals(m.anatomy()) ? "the built-in phantom"
            : Path.of(m.anatomy()).getFileName().toString();
        return String.format(Locale.ROOT, "%s, %d subjects x %d sites at %d^3, seed %d", anatomy, m.subjects().size(),
            m.sites().size(), m.size(), m.seed());
    }
}
