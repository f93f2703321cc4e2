package org.mrharmony.synth;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What {@code cohort.json} says about a synthetic travelling-subject cohort: how it was made
 * (seed, anatomy source, grid), the sites with their parameters, and the subjects with theirs
 * and their train/test split. Every subject is scanned at every site, so the scan of subject
 * s at site B is the ground truth for harmonizing s's scan from any other site to B.
 *
 * <p>Layout under the cohort folder: {@code <site>/<subject>.nii.gz} (int16 scans, RAS grid),
 * {@code truth/<subject>_labels.nii.gz} (uint8: 0 background, 1 CSF, 2 GM, 3 WM), cohort.json
 * ({@link SiteFolderLayout}); {@code synth --bids} writes a BIDS dataset instead ({@link BidsCohortLayout}).
 *
 * @param formatVersion  {@link #FORMAT_VERSION}
 * @param seed           the seed the cohort was made with (same seed, same files)
 * @param anatomy        {@code phantom} or the template file it was made from
 * @param anatomyMask    the template's brain mask file, or null (phantom, or estimated mask)
 * @param size           grid size along each axis
 * @param voxelSizeMm    voxel size along x, y, z
 * @param sites          the sites, in order
 * @param subjects       the subjects, in order
 */
public record CohortManifest(int formatVersion, long seed, String anatomy, String anatomyMask, int size,
                             double[] voxelSizeMm,
                             List<SiteParameters> sites, List<SubjectParameters> subjects) {

    public static final int FORMAT_VERSION = 1;
    public static final String FILE_NAME = "cohort.json";
    public static final String TRUTH_FOLDER = "truth";
    public static final String PHANTOM = "phantom";

    public CohortManifest {
        sites = List.copyOf(sites);
        subjects = List.copyOf(subjects);
    }

    /** Reads {@code cohort.json}, given the file or the cohort folder. */
    public static CohortManifest read(Path fileOrFolder) throws IOException {
        Path file = Files.isDirectory(fileOrFolder) ? fileOrFolder.resolve(FILE_NAME) : fileOrFolder;
        CohortManifest m;
        try {
            m = Json.MAPPER.readValue(Files.readAllBytes(file), CohortManifest.class);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no cohort manifest here (run mrharmony synth first?)");
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not a valid cohort manifest: " + Json.firstLine(e.getOriginalMessage()));
        }
        if (m.formatVersion() != FORMAT_VERSION) {
            throw new IOException(file + ": cohort format version " + m.formatVersion() + " is not supported (expected "
                + FORMAT_VERSION + ")");
        }
        return m;
    }

    /** Writes the manifest as {@code cohort.json} in {@code folder}, atomically. */
    public void write(Path folder) throws IOException {
        Json.writeAtomically(folder.resolve(FILE_NAME), this);
    }

    /** Path of a scan relative to the cohort folder. */
    public static String scanPath(String site, String subject) {
        return site + "/" + subject + ".nii.gz";
    }

    /** Path of a subject's true labels relative to the cohort folder. */
    public static String labelsPath(String subject) {
        return TRUTH_FOLDER + "/" + subject + "_labels.nii.gz";
    }

    /** Ids of the subjects in one split ({@link SubjectParameters#TRAIN} or {@link SubjectParameters#TEST}). */
    public List<String> subjectIds(String split) {
        return subjects.stream().filter(s -> s.split().equals(split)).map(SubjectParameters::id).toList();
    }

    public List<String> siteNames() {
        return sites.stream().map(SiteParameters::name).toList();
    }

    @Override
    public boolean equals(Object o) {
        // By value, voxel sizes included (a record compares arrays by identity).
        return o instanceof CohortManifest m && formatVersion == m.formatVersion && seed == m.seed
            && anatomy.equals(m.anatomy) && Objects.equals(anatomyMask, m.anatomyMask) && size == m.size
            && Arrays.equals(voxelSizeMm, m.voxelSizeMm) && sites.equals(m.sites) && subjects.equals(m.subjects);
    }

    @Override
    public int hashCode() {
        return Objects.hash(formatVersion, seed, anatomy, anatomyMask, size, Arrays.hashCode(voxelSizeMm),
            sites, subjects);
    }
}
