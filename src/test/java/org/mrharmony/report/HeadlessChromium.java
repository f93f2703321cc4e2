package org.mrharmony.report;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the system's Chromium headless on a local page (no WebDriver: the command line can
 * dump the DOM after scripts ran, and take screenshots). WebGL2 runs on SwiftShader, the
 * software renderer, so no GPU is needed; host resolution is disabled so that any attempt
 * of the page to reach the network fails loudly instead of silently working online.
 */
public final class HeadlessChromium {

    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");
    private static final long TIMEOUT_SECONDS = 120;

    private final Path executable;
    private final Path workDir;

    /** What a run printed: stdout (e.g. the DOM) and stderr (Chromium's log, with console messages). */
    public record Output(String stdout, String stderr) {
    }

    private HeadlessChromium(Path executable, Path workDir) {
        this.executable = executable;
        this.workDir = workDir;
    }

    public static Optional<HeadlessChromium> find(Path workDir) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String name : NAMES) {
            for (String folder : path.split(File.pathSeparator)) {
                Path candidate = Path.of(folder, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(new HeadlessChromium(candidate, workDir));
                }
            }
        }
        return Optional.empty();
    }

    /** Loads {@code page}, lets scripts run for {@code virtualMillis} of virtual time, returns the DOM. */
    public Output dumpDom(Path page, int virtualMillis) throws IOException, InterruptedException {
        return run(page, virtualMillis, List.of("--dump-dom"));
    }

    /** Loads {@code page} in a {@code width x height} window and writes a PNG of the viewport. */
    public Output screenshot(Path page, int virtualMillis, Path png, int width, int height)
        throws IOException, InterruptedException {
        return run(page, virtualMillis, List.of("--screenshot=" + png.toAbsolutePath(),
            "--window-size=" + width + "," + height, "--hide-scrollbars"));
    }

    private Output run(Path page, int virtualMillis, List<String> action) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(workDir, "chromium-profile");
        List<String> command = new ArrayList<>(List.of(executable.toString(),
            "--headless", "--no-sandbox", "--disable-gpu",
            "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-default-apps", "--disable-extensions", "--no-first-run", "--no-default-browser-check",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--enable-logging=stderr", "--v=0",
            "--user-data-dir=" + profile.toAbsolutePath(),
            "--virtual-time-budget=" + virtualMillis));
        command.addAll(action);
        command.add(page.toAbsolutePath().toUri().toString());
        Path stdout = workDir.resolve("chromium-" + System.nanoTime() + ".out");
        Path stderr = workDir.resolve("chromium-" + System.nanoTime() + ".err");
        Process process = new ProcessBuilder(command)
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IOException("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
        }
        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException("chromium exited with " + process.exitValue() + ":\n" + err);
        }
        return new Output(Files.readString(stdout, StandardCharsets.UTF_8), err);
    }
}
