package org.mrharmony.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.mrharmony.nifti.NiftiDataType;
import org.mrharmony.nifti.NiftiHeader;
import org.mrharmony.volume.Volume;
import org.mrharmony.volume.VolumeIO;

/**
 * Makes a travelling-subject cohort on disk: every subject scanned at every site, the true
 * labels, and the files that describe the cohort (written last, so that their presence means the
 * cohort is complete), in a {@link CohortLayout}.
 *
 * <p>Subjects are made in parallel, one task per subject (its anatomy, labels and all its
 * scans), so memory stays at one subject per thread. Every random draw comes from a seed
 * derived from (cohort seed, subject, purpose), so the bytes written do not depend on the
 * number of threads or their timing.
 */
public final class CohortGenerator {

    /** Scanner images are integers; int16 holds them with slope 1. */
    public static final NiftiDataType SCAN_TYPE = NiftiDataType.INT16;
    public static final NiftiDataType LABEL_TYPE = NiftiDataType.UINT8;

    private CohortGenerator() {
    }

    /**
     * Writes the cohort into {@code out} (created if needed) and returns its manifest;
     * {@code onVolumeWritten} is called (from worker threads) after each NIfTI file.
     */
    public static CohortManifest generate(CohortSpec spec, Path out, Runnable onVolumeWritten) throws IOException {
        return generate(spec, out, new SiteFolderLayout(), onVolumeWritten);
    }

    /** Writes the cohort into {@code out} in the given layout (see {@link #generate(CohortSpec, Path, Runnable)}). */
    public static CohortManifest generate(CohortSpec spec, Path out, CohortLayout layout, Runnable onVolumeWritten)
            throws IOException {
        Anatomy base = spec.template() == null
            ? BrainPhantom.build(spec.size(), Seeds.derive(spec.seed(), "phantom", 0))
            : TemplateAnatomy.load(spec.template(), spec.templateMask(), spec.size());
        List<String> ids = subjectIds(spec.subjects());
        List<String> splits = splits(spec.subjects(), spec.testFraction(), spec.seed());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(spec.threads(), spec.subjects()));
        List<Future<SubjectParameters>> futures = new ArrayList<>();
        try {
            for (int s = 0; s < spec.subjects(); s++) {
                int index = s;
                futures.add(pool.submit(() -> writeSubject(spec, base, out, layout, index, ids.get(index),
                    splits.get(index), onVolumeWritten)));
            }
            List<SubjectParameters> subjects = new ArrayList<>();
            for (Future<SubjectParameters> f : futures) {
                subjects.add(f.get());
            }
            String anatomy = spec.template() == null ? CohortManifest.PHANTOM : spec.template().toString();
            String mask = spec.templateMask() == null ? null : spec.templateMask().toString();
            CohortManifest manifest = new CohortManifest(CohortManifest.FORMAT_VERSION, spec.seed(), anatomy, mask,
                spec.size(), base.labels().voxelSizes(), spec.sites(), subjects);
            layout.finish(out, manifest);
            return manifest;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the cohort to " + out, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof UncheckedIOException u ? u.getCause() : e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    private static SubjectParameters writeSubject(CohortSpec spec, Anatomy base, Path out, CohortLayout layout,
                                                  int index, String id, String split, Runnable onVolumeWritten)
            throws IOException {
        Subject subject = Subject.create(base, spec.seed(), index, id, split);
        Anatomy anatomy = subject.anatomy();
        write(layout.labels(out, id), anatomy.labels(), LABEL_TYPE);
        onVolumeWritten.run();
        for (SiteParameters site : spec.sites()) {
            long noiseSeed = Seeds.derive(subject.parameters().seed(), "noise:" + site.name(), 0);
            Volume scan = new SiteScanner(site).scan(anatomy, noiseSeed);
            write(layout.scan(out, site, id), scan, SCAN_TYPE);
            onVolumeWritten.run();
        }
        return subject.parameters();
    }

    private static void write(Path file, Volume v, NiftiDataType type) throws IOException {
        NiftiHeader header = NiftiHeader.forVolume(v.nx(), v.ny(), v.nz(), v.affine().toRows());
        Files.createDirectories(file.getParent());
        VolumeIO.write(file, v, header, type);
    }

    /** {@code sub-01} ... with enough digits for the count (at least two). */
    static List<String> subjectIds(int count) {
        int digits = Math.max(2, String.valueOf(count).length());
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add(String.format(Locale.ROOT, "sub-%0" + digits + "d", i));
        }
        return ids;
    }

    /**
     * Train or test for each subject: round(fraction * count) test subjects drawn by a seeded
     * shuffle, but always at least one training subject.
     */
    static List<String> splits(int count, double testFraction, long seed) {
        int tests = Math.min((int) Math.round(testFraction * count), count - 1);
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(Seeds.derive(seed, "split", 0));
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        List<String> splits = new ArrayList<>(Collections.nCopies(count, SubjectParameters.TRAIN));
        for (int k = 0; k < tests; k++) {
            splits.set(order[k], SubjectParameters.TEST);
        }
        return splits;
    }

    /** How many NIfTI files a cohort has: per subject its labels and one scan per site. */
    public static int volumeCount(CohortSpec spec) {
        return spec.subjects() * (spec.sites().size() + 1);
    }
}
