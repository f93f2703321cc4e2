package org.mrharmony.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The anatomical images of a BIDS dataset ({@code sub-*}/[{@code ses-*}/]{@code anat/}) and the
 * site of each, read from a named column of {@code participants.tsv} or, per session, of
 * {@code sub-XX/sub-XX_sessions.tsv} (a session's own value wins: a participant can be scanned
 * at several sites).
 */
public final class BidsDataset {

    public static final String ANAT = "anat";
    public static final String DEFAULT_SUFFIX = "T1w";
    public static final String PARTICIPANTS_FILE = "participants.tsv";
    /** The file every BIDS dataset has at its top level (and other dataset layouts do not). */
    public static final String DESCRIPTION_FILE = "dataset_description.json";
    /** The version of the specification the datasets mrharmony writes follow. */
    public static final String BIDS_VERSION = "1.9.0";

    private final Path root;
    private final List<String> participants;

    private BidsDataset(Path root, List<String> participants) {
        this.root = root;
        this.participants = participants;
    }

    /**
     * @throws IOException when the folder does not exist or holds no {@code sub-*} folders
     */
    public static BidsDataset open(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException(root + ": not a folder (expected a BIDS dataset)");
        }
        List<String> participants;
        try (Stream<Path> children = Files.list(root)) {
            participants = children.filter(Files::isDirectory)
                .map(p -> p.getFileName().toString())
                .filter(n -> n.startsWith("sub-") && n.length() > 4)
                .map(n -> n.substring(4))
                .sorted()
                .toList();
        }
        if (participants.isEmpty()) {
            throw new IOException(root + ": not a BIDS dataset (no sub-* folders)");
        }
        return new BidsDataset(root, participants);
    }

    /** Whether {@code folder} is a BIDS dataset: it has a {@code dataset_description.json}. */
    public static boolean isDataset(Path folder) {
        return Files.isRegularFile(folder.resolve(DESCRIPTION_FILE));
    }

    public Path root() {
        return root;
    }

    /** Participant labels (without {@code sub-}), sorted. */
    public List<String> participants() {
        return participants;
    }

    /** Every T1w image. */
    public List<BidsScan> scans() throws IOException {
        return scans(DEFAULT_SUFFIX, List.of(), List.of());
    }

    /**
     * The images with this suffix of the chosen participants and sessions, sorted by path.
     *
     * @param participantLabels labels with or without {@code sub-}; empty for all
     * @param sessionLabels     labels with or without {@code ses-}; empty for all
     * @throws IOException for a label the dataset does not have, a badly named file, or no images at all
     */
    public List<BidsScan> scans(String suffix, Collection<String> participantLabels, Collection<String> sessionLabels)
            throws IOException {
        List<String> chosen = participantLabels.isEmpty() ? participants : labels(participantLabels, "sub-");
        for (String p : chosen) {
            if (!participants.contains(p)) {
                throw new IOException(root + ": no participant sub-" + p + " (the dataset has: "
                    + String.join(", ", participants) + ")");
            }
        }
        List<String> sessions = labels(sessionLabels, "ses-");
        List<BidsScan> out = new ArrayList<>();
        Set<String> sessionsSeen = new LinkedHashSet<>();
        for (String p : chosen) {
            for (BidsScan scan : scansOf(p, suffix)) {
                if (scan.session() != null) {
                    sessionsSeen.add(scan.session());
                }
                if (sessions.isEmpty() || (scan.session() != null && sessions.contains(scan.session()))) {
                    out.add(scan);
                }
            }
        }
        for (String s : sessions) {
            if (!sessionsSeen.contains(s)) {
                throw new IOException(root + ": no session ses-" + s + " with " + suffix + " images among the chosen participants"
                    + (sessionsSeen.isEmpty() ? " (they have no sessions)" : " (found: " + String.join(", ", sessionsSeen) + ")"));
            }
        }
        if (out.isEmpty()) {
            throw new IOException(root + ": no " + suffix + " images (looked for sub-*/[ses-*/]anat/*_" + suffix
                + ".nii[.gz])");
        }
        return out;
    }

    private static List<String> labels(Collection<String> given, String prefix) {
        return given.stream().map(l -> l.startsWith(prefix) ? l.substring(prefix.length()) : l).distinct().toList();
    }

    private List<BidsScan> scansOf(String participant, String suffix) throws IOException {
        Path subjectDir = root.resolve("sub-" + participant);
        List<Path> anatDirs = new ArrayList<>();
        anatDirs.add(subjectDir.resolve(ANAT));
        try (Stream<Path> children = Files.list(subjectDir)) {
            children.filter(Files::isDirectory)
                .filter(p -> p.getFileName().toString().startsWith("ses-"))
                .sorted()
                .forEach(s -> anatDirs.add(s.resolve(ANAT)));
        }
        List<BidsScan> scans = new ArrayList<>();
        for (Path anat : anatDirs) {
            if (!Files.isDirectory(anat)) {
                continue;
            }
            String sessionFolder = anat.getParent().getFileName().toString();
            String session = sessionFolder.startsWith("ses-") ? sessionFolder.substring(4) : null;
            try (Stream<Path> files = Files.list(anat)) {
                for (Path f : files.sorted().toList()) {
                    Optional<BidsScan> scan = parse(f);
                    if (scan.isEmpty() || !scan.get().suffix().equals(suffix)) {
                        continue;
                    }
                    checkMatchesFolders(scan.get(), participant, session);
                    scans.add(scan.get());
                }
            }
        }
        return scans;
    }

    /** The scan a file name describes, or empty for a file that is not a NIfTI image with BIDS entities. */
    static Optional<BidsScan> parse(Path file) {
        String name = file.getFileName().toString();
        String stem;
        if (name.endsWith(".nii.gz")) {
            stem = name.substring(0, name.length() - ".nii.gz".length());
        } else if (name.endsWith(".nii")) {
            stem = name.substring(0, name.length() - ".nii".length());
        } else {
            return Optional.empty();
        }
        String[] parts = stem.split("_");
        if (parts.length < 2 || !parts[0].startsWith("sub-")) {
            return Optional.empty();
        }
        Map<String, String> entities = new LinkedHashMap<>();
        for (int i = 0; i < parts.length - 1; i++) {
            int dash = parts[i].indexOf('-');
            if (dash <= 0 || dash == parts[i].length() - 1) {
                return Optional.empty();
            }
            entities.put(parts[i].substring(0, dash), parts[i].substring(dash + 1));
        }
        String suffix = parts[parts.length - 1];
        if (suffix.isEmpty() || suffix.contains("-")) {
            return Optional.empty();
        }
        return Optional.of(new BidsScan(file, entities, suffix));
    }

    private static void checkMatchesFolders(BidsScan scan, String participant, String session) throws IOException {
        boolean sameSession = session == null ? scan.session() == null : session.equals(scan.session());
        if (!scan.subject().equals(participant) || !sameSession) {
            throw new IOException(scan.file() + ": file name says sub-" + scan.subject()
                + (scan.session() == null ? "" : " ses-" + scan.session()) + " but the file is in the folder of sub-"
                + participant + (session == null ? "" : " ses-" + session));
        }
    }

    /**
     * The T1w images grouped by the site named in {@code column} (sites sorted by name).
     *
     * @throws IOException when no table has the column, or a scan has no value in it
     */
    public Map<String, List<Path>> bySite(String column) throws IOException {
        return bySite(column, scans());
    }

    /** The given scans grouped by site (see {@link #bySite(String)}). */
    public Map<String, List<Path>> bySite(String column, List<BidsScan> scans) throws IOException {
        SiteTables tables = new SiteTables(column);
        Map<String, List<Path>> out = new TreeMap<>();
        for (BidsScan scan : scans) {
            out.computeIfAbsent(tables.siteOf(scan), s -> new ArrayList<>()).add(scan.file());
        }
        return out;
    }

    /** The site of one scan (see {@link #bySite(String)}). */
    public String site(BidsScan scan, String column) throws IOException {
        return new SiteTables(column).siteOf(scan);
    }

    /** The participants table and the sessions tables read so far, for one column. */
    private final class SiteTables {

        private final String column;
        private final BidsTable participantsTable;
        private final Map<String, Optional<BidsTable>> sessionTables = new LinkedHashMap<>();

        SiteTables(String column) throws IOException {
            this.column = column;
            Path file = root.resolve(PARTICIPANTS_FILE);
            this.participantsTable = Files.isRegularFile(file) ? BidsTable.read(file) : null;
            if (!hasColumnAnywhere()) {
                throw new IOException(root + ": no column '" + column + "' in any table (" + describeTables() + ")"
                    + "; the site column must be in " + PARTICIPANTS_FILE + " or in sub-<label>_sessions.tsv");
            }
        }

        /** The tables there are and their columns, for the error that names none with the column. */
        private String describeTables() throws IOException {
            String inParticipants = participantsTable == null ? "no " + PARTICIPANTS_FILE
                : PARTICIPANTS_FILE + " has: " + String.join(", ", participantsTable.columns());
            Set<String> sessionColumns = new LinkedHashSet<>();
            int sessionFiles = 0;
            for (String p : participants) {
                Optional<BidsTable> t = sessionsTable(p);
                if (t.isPresent()) {
                    sessionFiles++;
                    sessionColumns.addAll(t.get().columns());
                }
            }
            String inSessions = sessionFiles == 0 ? "no sub-<label>_sessions.tsv"
                : "sub-<label>_sessions.tsv files (" + sessionFiles + ") have: " + String.join(", ", sessionColumns);
            return inParticipants + "; " + inSessions;
        }

        private boolean hasColumnAnywhere() throws IOException {
            if (participantsTable != null && participantsTable.hasColumn(column)) {
                return true;
            }
            for (String p : participants) {
                Optional<BidsTable> t = sessionsTable(p);
                if (t.isPresent() && t.get().hasColumn(column)) {
                    return true;
                }
            }
            return false;
        }

        private Optional<BidsTable> sessionsTable(String participant) throws IOException {
            Optional<BidsTable> cached = sessionTables.get(participant);
            if (cached != null) {
                return cached;
            }
            Path file = root.resolve("sub-" + participant).resolve("sub-" + participant + "_sessions.tsv");
            Optional<BidsTable> t = Files.isRegularFile(file) ? Optional.of(BidsTable.read(file)) : Optional.empty();
            sessionTables.put(participant, t);
            return t;
        }

        String siteOf(BidsScan scan) throws IOException {
            if (scan.session() != null) {
                Optional<String> v = sessionsTable(scan.subject())
                    .flatMap(t -> t.value("ses-" + scan.session(), column));
                if (v.isPresent()) {
                    return v.get();
                }
            }
            if (participantsTable != null) {
                Optional<String> v = participantsTable.value("sub-" + scan.subject(), column);
                if (v.isPresent()) {
                    return v.get();
                }
            }
            throw new IOException(scan.file() + ": no site for this scan: column '" + column + "' has no value for sub-"
                + scan.subject() + (scan.session() == null ? "" : " ses-" + scan.session()) + " in " + PARTICIPANTS_FILE
                + (scan.session() == null ? "" : " or sub-" + scan.subject() + "_sessions.tsv") + " (row missing or n/a)");
        }
    }
}
