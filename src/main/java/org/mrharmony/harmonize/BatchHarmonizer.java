package org.mrharmony.harmonize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.mrharmony.nifti.NiftiDataType;
import org.mrharmony.volume.LoadedVolume;
import org.mrharmony.volume.Volume;
import org.mrharmony.volume.VolumeIO;

/**
 * Runs planned jobs one volume at a time (only one input and its intermediates are in memory),
 * writing each harmonized volume with its input's header, so affine, qform, sform and pixdim are
 * unchanged, then its sidecar. Both are written atomically; a failing volume stops the run with
 * an error naming it, leaving the outputs of the volumes before it complete.
 */
public final class BatchHarmonizer {

    private final Harmonizer harmonizer;
    private final String version;
    private final boolean keepDatatype;

    /**
     * @param version      the mrharmony version recorded in every sidecar
     * @param keepDatatype write the input's datatype (integer types rescaled to fit) instead of float32
     */
    public BatchHarmonizer(Harmonizer harmonizer, String version, boolean keepDatatype) {
        this.harmonizer = harmonizer;
        this.version = version;
        this.keepDatatype = keepDatatype;
    }

    public void run(List<HarmonizeJob> jobs, ProgressListener listener) throws IOException {
        for (int i = 0; i < jobs.size(); i++) {
            run(jobs.get(i), i + 1, jobs.size(), listener);
        }
    }

    private void run(HarmonizeJob job, int number, int total, ProgressListener listener) throws IOException {
        long start = System.nanoTime();
        LoadedVolume loaded = VolumeIO.read(job.input(), job.volumeIndex() == null ? 0 : job.volumeIndex());
        listener.volumeStarted(number, total, job, harmonizer.sliceCount(loaded.volume().grid()));
        Volume out;
        try {
            out = harmonizer.harmonize(loaded.volume(), listener::slicesDone);
        } catch (IllegalArgumentException e) {
            throw new IOException(job.input() + ": " + e.getMessage(), e);
        }
        NiftiDataType type = keepDatatype ? loaded.header().datatype() : NiftiDataType.FLOAT32;
        Files.createDirectories(job.output().toAbsolutePath().getParent());
        VolumeIO.write(job.output(), out, loaded.header(), type);
        double seconds = (System.nanoTime() - start) / 1e9;
        sidecar(job, seconds).write(job.sidecar());
        listener.volumeFinished(job, seconds);
    }

    HarmonizeSidecar sidecar(HarmonizeJob job, double seconds) {
        HarmonizeOptions o = harmonizer.options();
        boolean gan = o.method() == HarmonizeMethod.GAN;
        StyleSource style = o.style();
        String description = "Harmonized to the style of site '" + o.target() + "' by mrharmony ("
            + o.method().id() + ")";
        return new HarmonizeSidecar(
            description,
            job.sources().isEmpty() ? null : job.sources(),
            version,
            absolute(harmonizer.model().dir()),
            harmonizer.model().info().step(),
            o.target(),
            o.method().id(),
            gan ? style.mode() : null,
            gan && style instanceof StyleSource.Reference r ? absolute(r.file()) : null,
            gan && style instanceof StyleSource.Latent l ? l.seed() : null,
            gan ? o.restack().id() : null,
            gan ? o.intensityMap().id() : null,
            gan ? o.device().toString() : null,
            absolute(job.input()),
            job.volumeIndex(),
            Math.round(seconds * 1000) / 1000.0,
            Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    private static String absolute(Path p) {
        return p.toAbsolutePath().normalize().toString();
    }
}
