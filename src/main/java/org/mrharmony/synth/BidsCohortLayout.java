package org.mrharmony.synth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mrharmony.data.BidsDataset;
import org.mrharmony.data.BidsLabels;

/**
 * A cohort written as a raw BIDS dataset, sessions = sites:
 * {@code sub-01/ses-siteA/anat/sub-01_ses-siteA_T1w.nii.gz} with a JSON sidecar,
 * {@code participants.tsv} (column {@code split}: train or test), {@code sub-01/sub-01_sessions.tsv}
 * (column {@code site}: the site's own name, which a session label may not be able to hold),
 * {@code dataset_description.json} and a README. The true labels and {@code cohort.json} form a
 * derivative dataset, {@code derivatives/mrharmony-truth/} ({@code sub-01/anat/sub-01_dseg.nii.gz}
 * and {@code dseg.tsv}): they are not scans, and BIDS keeps everything that is not in
 * {@code derivatives/}.
 */
public final class BidsCohortLayout implements CohortLayout {

    public static final String SPLIT_COLUMN = "split";
    public static final String SITE_COLUMN = "site";
    public static final String TRUTH_FOLDER = "derivatives/mrharmony-truth";
    /** The name in GeneratedBy; BIDS wants it to be part of the derivative folder's name. */
    public static final String GENERATOR = "mrharmony";
    static final String SUFFIX = "T1w";

    private final Map<String, String> sessionLabels;
    private final String version;

    /**
     * @param sites   the cohort's sites (their names become session labels, letters and digits only)
     * @param version the mrharmony version, for GeneratedBy
     */
    public BidsCohortLayout(List<SiteParameters> sites, String version) {
        this.sessionLabels = BidsLabels.forNames(sites.stream().map(SiteParameters::name).toList());
        this.version = version;
    }

    /** The session label of each site name. */
    public Map<String, String> sessionLabels() {
        return sessionLabels;
    }

    /** The file name stem of a subject's scan at a site, e.g. {@code sub-01_ses-siteA_T1w}. */
    private String stem(String subject, String site) {
        return subject + "_ses-" + sessionLabels.get(site) + "_" + SUFFIX;
    }

    private Path anat(Path out, String subject, String site) {
        return out.resolve(subject).resolve("ses-" + sessionLabels.get(site)).resolve(BidsDataset.ANAT);
    }

    @Override
    public Path scan(Path out, SiteParameters site, String subject) {
        return anat(out, subject, site.name()).resolve(stem(subject, site.name()) + ".nii.gz");
    }

    @Override
    public Path labels(Path out, String subject) {
        return out.resolve(TRUTH_FOLDER).resolve(subject).resolve(BidsDataset.ANAT).resolve(subject + "_dseg.nii.gz");
    }

    @Override
    public void finish(Path out, CohortManifest manifest) throws IOException {
        Path truth = out.resolve(TRUTH_FOLDER);
        Files.createDirectories(truth);
        manifest.write(truth);
        Json.writeTextAtomically(truth.resolve("dseg.tsv"),
            "index\tname\tabbreviation\n1\tcerebrospinal fluid\tCSF\n2\tgray matter\tGM\n3\twhite matter\tWM\n");
        Json.writeAtomically(truth.resolve(BidsDataset.DESCRIPTION_FILE), description(
            "mrharmony synthetic cohort: true tissue labels", "derivative",
            "The anatomy each synthetic scan was made from: 0 background, 1 CSF, 2 GM, 3 WM (dseg.tsv);"
                + " cohort.json holds every site's and subject's parameters"));

        StringBuilder participants = new StringBuilder("participant_id\t" + SPLIT_COLUMN + "\n");
        for (SubjectParameters subject : manifest.subjects()) {
            participants.append(subject.id()).append('\t').append(subject.split()).append('\n');
            StringBuilder sessions = new StringBuilder("session_id\t" + SITE_COLUMN + "\n");
            for (SiteParameters site : manifest.sites()) {
                sessions.append("ses-").append(sessionLabels.get(site.name())).append('\t').append(site.name())
                    .append('\n');
                Json.writeAtomically(anat(out, subject.id(), site.name()).resolve(stem(subject.id(), site.name()) + ".json"),
                    sidecar(site));
            }
            Path subjectDir = out.resolve(subject.id());
            Json.writeTextAtomically(subjectDir.resolve(subject.id() + "_sessions.tsv"), sessions.toString());
            // Per subject: the validator (1.15) does not accept a top-level sessions.json.
            Json.writeAtomically(subjectDir.resolve(subject.id() + "_sessions.json"), fields(SITE_COLUMN, fields(
                "Description", "The simulated site (scanner and protocol) of the session, by its name in "
                    + TRUTH_FOLDER + "/cohort.json; the session label is this name with letters and digits only")));
        }
        Json.writeTextAtomically(out.resolve(BidsDataset.PARTICIPANTS_FILE), participants.toString());
        Json.writeAtomically(out.resolve("participants.json"), fields(SPLIT_COLUMN, fields(
            "Description", "Whether the subject is for training or held out for testing (mrharmony synth"
                + " --test-fraction); train on the train subjects only to keep the test subjects unseen",
            "Levels", fields(SubjectParameters.TRAIN, "training subject", SubjectParameters.TEST, "held-out subject"))));
        Json.writeTextAtomically(out.resolve("README"), readme(manifest));
        Json.writeAtomically(out.resolve(BidsDataset.DESCRIPTION_FILE), description("mrharmony synthetic travelling-subject cohort", "raw",
            "Every subject scanned at every simulated site, one session per site"));
    }

    /** A JSON object with its fields in the order given (Map.of has no stable order: same seed, same bytes). */
    private static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private Map<String, Object> description(String name, String type, String what) {
        Map<String, Object> generatedBy = new LinkedHashMap<>();
        generatedBy.put("Name", GENERATOR);
        generatedBy.put("Version", version);
        generatedBy.put("Description", what);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("Name", name);
        d.put("BIDSVersion", BidsDataset.BIDS_VERSION);
        d.put("DatasetType", type);
        d.put("License", "CC0");
        d.put("Authors", List.of("mrharmony synth (simulated data)"));
        d.put("GeneratedBy", List.of(generatedBy));
        return d;
    }

    /** What a scanner would record, as far as a simulation has it: the site is the station. */
    private static Map<String, Object> sidecar(SiteParameters site) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("Manufacturer", "mrharmony synthetic scanner");
        s.put("StationName", site.name());
        s.put("MRAcquisitionType", "3D");
        s.put("SliceEncodingDirection", new String[] {"i", "j", "k"}[site.sliceAxis()]);
        s.put("SiteDescription", site.description());
        return s;
    }

    private String readme(CohortManifest m) {
        StringBuilder r = new StringBuilder();
        r.append("# mrharmony synthetic travelling-subject cohort\n\n");
        r.append(String.format(Locale.ROOT, "%d subjects, each scanned at %d simulated sites (one session per site),"
            + " made by `mrharmony synth --bids` (version %s, seed %d, %s anatomy, %d^3 grid).%n%n",
            m.subjects().size(), m.sites().size(), version, m.seed(), m.anatomy(), m.size()));
        r.append("Sessions are sites; `sub-<label>/sub-<label>_sessions.tsv` gives the site's name in column `")
            .append(SITE_COLUMN).append("`:\n\n| session | site | description |\n|---|---|---|\n");
        for (SiteParameters site : m.sites()) {
            r.append("| ses-").append(sessionLabels.get(site.name())).append(" | ").append(site.name()).append(" | ")
                .append(site.description()).append(" |\n");
        }
        r.append("\n`participants.tsv` column `").append(SPLIT_COLUMN).append("` says which subjects are for training (")
            .append(m.subjectIds(SubjectParameters.TRAIN).size()).append(") and which are held out (")
            .append(m.subjectIds(SubjectParameters.TEST).size()).append(").\n\n");
        r.append("The true tissue labels are in `").append(TRUTH_FOLDER).append("/` (`sub-<label>/anat/sub-<label>_dseg.nii.gz`,"
            + " 0 background, 1 CSF, 2 GM, 3 WM), with `cohort.json`, every site's and subject's parameters.\n\n");
        r.append("Train on it: `mrharmony train --data DIR --site-column ").append(SITE_COLUMN)
            .append(" --participant-label <the train subjects> --out MODEL`.\n");
        return r.toString();
    }
}
