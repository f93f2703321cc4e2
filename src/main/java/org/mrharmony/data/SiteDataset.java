package org.mrharmony.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the volumes of each site are: a folder with one sub-folder per site
 * ({@code DIR/<site>/*.nii[.gz]}), or a synthetic cohort ({@code DIR/cohort.json} from
 * {@code mrharmony synth}), whose train split is for training and whose test split is held out.
 *
 * @param root    the folder
 * @param sites   site names, in domain-index order (sorted folder names, or the cohort's order)
 * @param train   training volumes per site
 * @param heldOut held-out volumes per site (a cohort's test split; empty for plain folders)
 * @param cohort  whether this is a travelling-subject cohort (held-out subjects scanned at every site)
 */
public record SiteDataset(Path root, List<String> sites, Map<String, List<Path>> train,
                          Map<String, List<Path>> heldOut, boolean cohort) {

    public static final String COHORT_FILE = "cohort.json";
    /** Folders of a cohort that are not sites. */
    private static final List<String> NOT_SITES = List.of("truth", "derivatives", "samples");

    public SiteDataset {
        sites = List.copyOf(sites);
    }

    public static SiteDataset open(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": not a folder");
        }
        return Files.isRegularFile(dir.resolve(COHORT_FILE)) ? fromCohort(dir) : fromSiteFolders(dir);
    }

    /**
     * A cohort's layout is read from its manifest ({@code sites[].name}, {@code subjects[].id/split});
     * only these fields are used, so that the data layer does not depend on the generator's classes.
     */
    static SiteDataset fromCohort(Path dir) throws IOException {
        Path manifest = dir.resolve(COHORT_FILE);
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(manifest.toFile());
        } catch (IOException e) {
            throw new IOException(manifest + ": not a readable cohort manifest: " + e.getMessage().lines().findFirst().orElse(""));
        }
        List<String> sites = new ArrayList<>();
        for (JsonNode s : root.path("sites")) {
            sites.add(s.path("name").asText());
        }
        if (sites.isEmpty()) {
            throw new IOException(manifest + ": lists no sites");
        }
        Map<String, List<Path>> train = new LinkedHashMap<>();
        Map<String, List<Path>> test = new LinkedHashMap<>();
        for (String site : sites) {
            train.put(site, new ArrayList<>());
            test.put(site, new ArrayList<>());
        }
        for (JsonNode subject : root.path("subjects")) {
            String id = subject.path("id").asText();
            boolean isTrain = "train".equals(subject.path("split").asText());
            for (String site : sites) {
                Path scan = dir.resolve(site).resolve(id + ".nii.gz");
                if (!Files.isRegularFile(scan)) {
                    throw new IOException(scan + ": listed in " + manifest + " but missing");
                }
                (isTrain ? train : test).get(site).add(scan);
            }
        }
        requireTrainingVolumes(dir, sites, train);
        return new SiteDataset(dir, sites, train, test, true);
    }

    static SiteDataset fromSiteFolders(Path dir) throws IOException {
        Map<String, List<Path>> train = new LinkedHashMap<>();
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.sorted().toList()) {
                String name = child.getFileName().toString();
                if (!Files.isDirectory(child) || name.startsWith(".") || NOT_SITES.contains(name)) {
                    continue;
                }
                List<Path> scans = niftiFiles(child);
                if (!scans.isEmpty()) {
                    train.put(name, scans);
                }
            }
        }
        List<String> sites = List.copyOf(train.keySet());
        if (sites.size() < 2) {
            throw new IOException(dir + ": found " + sites.size() + " site folder(s) with NIfTI files; need at least 2"
                + " (layout DIR/<site>/*.nii.gz, or a cohort.json)");
        }
        Map<String, List<Path>> empty = new LinkedHashMap<>();
        sites.forEach(s -> empty.put(s, List.of()));
        return new SiteDataset(dir, sites, train, empty, false);
    }

    /** A dataset from an explicit site -> files map (e.g. a BIDS dataset's site column). */
    public static SiteDataset of(Path root, Map<String, List<Path>> bySite) throws IOException {
        List<String> sites = bySite.keySet().stream().sorted().toList();
        Map<String, List<Path>> train = new LinkedHashMap<>();
        Map<String, List<Path>> empty = new LinkedHashMap<>();
        for (String s : sites) {
            train.put(s, List.copyOf(bySite.get(s)));
            empty.put(s, List.of());
        }
        requireTrainingVolumes(root, sites, train);
        return new SiteDataset(root, sites, train, empty, false);
    }

    private static void requireTrainingVolumes(Path dir, List<String> sites, Map<String, List<Path>> train)
            throws IOException {
        if (sites.size() < 2) {
            throw new IOException(dir + ": need at least 2 sites, found " + sites);
        }
        for (String s : sites) {
            if (train.get(s).isEmpty()) {
                throw new IOException(dir + ": site " + s + " has no training volumes");
            }
        }
    }

    public static List<Path> niftiFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                .filter(p -> {
                    String n = p.getFileName().toString();
                    return !n.startsWith(".") && (n.endsWith(".nii") || n.endsWith(".nii.gz"));
                })
                .sorted()
                .toList();
        }
    }

    public int siteIndex(String site) {
        int i = sites.indexOf(site);
        if (i < 0) {
            throw new IllegalArgumentException("unknown site '" + site + "'; known: " + String.join(", ", sites));
        }
        return i;
    }
}
