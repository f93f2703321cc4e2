package org.mrharmony.synth;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The plain cohort layout: {@code <site>/<subject>.nii.gz}, {@code truth/<subject>_labels.nii.gz}
 * and {@code cohort.json} (see {@link CohortManifest}).
 */
public final class SiteFolderLayout implements CohortLayout {

    @Override
    public Path scan(Path out, SiteParameters site, String subject) {
        return out.resolve(CohortManifest.scanPath(site.name(), subject));
    }

    @Override
    public Path labels(Path out, String subject) {
        return out.resolve(CohortManifest.labelsPath(subject));
    }

    @Override
    public void finish(Path out, CohortManifest manifest) throws IOException {
        manifest.write(out);
    }
}
