package org.mrharmony.harmonize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Turns the command line's inputs into jobs and refuses, before anything is written, a plan that
 * would overwrite an input (never allowed), write two inputs to one file, or replace an existing
 * output without {@code --overwrite}.
 */
public final class OutputPlan {

    public static final String NIFTI_EXTENSION = ".nii.gz";
    public static final String SIDECAR_EXTENSION = ".json";

    private static final String[] NIFTI_NAMES = {".nii.gz", ".nii", ".hdr.gz", ".hdr", ".img.gz", ".img"};

    private OutputPlan() {
    }

    /**
     * The NIfTI files named on the command line: files as given, folders replaced by their
     * {@code .nii} and {@code .nii.gz} files (sorted, not recursive).
     *
     * @throws IOException for a path that does not exist or a folder without NIfTI files
     */
    public static List<Path> expandInputs(List<Path> inputs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                List<Path> inside = niftiFilesIn(p);
                if (inside.isEmpty()) {
                    throw new IOException(p + ": folder holds no .nii or .nii.gz files");
                }
                files.addAll(inside);
            } else if (Files.exists(p)) {
                files.add(p);
            } else {
                throw new IOException(p + ": no such file or folder");
            }
        }
        return files;
    }

    private static List<Path> niftiFilesIn(Path folder) throws IOException {
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(Files::isRegularFile)
                .filter(f -> {
                    String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
                    return !n.startsWith(".") && (n.endsWith(".nii") || n.endsWith(".nii.gz"));
                })
                .sorted()
                .toList();
        }
    }

    /** A file's name without its NIfTI extension: {@code sub-01_T1w.nii.gz} gives {@code sub-01_T1w}. */
    public static String stem(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        for (String ext : NIFTI_NAMES) {
            if (lower.endsWith(ext)) {
                return name.substring(0, name.length() - ext.length());
            }
        }
        return name;
    }

    /** Jobs writing {@code OUT/<stem><suffix>.nii.gz} and {@code OUT/<stem><suffix>.json} for each input. */
    public static List<HarmonizeJob> flat(List<Path> inputs, Path outDir, String suffix, Integer volumeIndex) {
        List<HarmonizeJob> jobs = new ArrayList<>();
        for (Path in : inputs) {
            String base = stem(in) + suffix;
            jobs.add(new HarmonizeJob(in, volumeIndex, outDir.resolve(base + NIFTI_EXTENSION),
                outDir.resolve(base + SIDECAR_EXTENSION)));
        }
        return jobs;
    }

    /**
     * Checks a plan before it runs.
     *
     * @param otherInputs files read besides the jobs' inputs (a reference volume), never to be overwritten
     * @throws IOException naming the file and the problem
     */
    public static void check(List<HarmonizeJob> jobs, Collection<Path> otherInputs, boolean overwrite)
            throws IOException {
        List<Path> inputs = new ArrayList<>(otherInputs);
        jobs.forEach(j -> inputs.add(j.input()));
        Map<Path, Path> writtenBy = new HashMap<>();
        for (HarmonizeJob job : jobs) {
            for (Path out : List.of(job.output(), job.sidecar())) {
                for (Path in : inputs) {
                    if (sameFile(out, in)) {
                        throw new IOException(out + ": refusing to write over the input " + in
                            + " (choose another output folder or suffix)");
                    }
                }
                Path key = out.toAbsolutePath().normalize();
                Path other = writtenBy.putIfAbsent(key, job.input());
                if (other != null) {
                    throw new IOException(out + ": inputs " + other + " and " + job.input()
                        + " would both be written here (give them different names)");
                }
                if (Files.isDirectory(out)) {
                    throw new IOException(out + ": exists and is a folder");
                }
                if (Files.exists(out) && !overwrite) {
                    throw new IOException(out + ": exists (use --overwrite to replace it)");
                }
            }
        }
    }

    /** Same path, or (when both exist) the same file under another name (links, case-insensitive disks). */
    static boolean sameFile(Path a, Path b) throws IOException {
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
            return true;
        }
        return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    }
}
