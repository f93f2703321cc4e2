package org.mrharmony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --help} on every (sub)command and {@code --version}, as a user types them. */
class HelpAndVersionTest {

    /** Every command path under {@code mrharmony}, found from the command tree itself, so a new subcommand is covered. */
    private static List<List<String>> commandPaths() {
        List<List<String>> paths = new ArrayList<>();
        collect(new CommandLine(new Main()), new ArrayList<>(), paths);
        return paths;
    }

    private static void collect(CommandLine cmd, List<String> path, List<List<String>> out) {
        out.add(List.copyOf(path));
        cmd.getSubcommands().forEach((name, sub) -> {
            // picocli registers aliases under their own names too; visit each command once
            if (name.equals(sub.getCommandName())) {
                List<String> next = new ArrayList<>(path);
                next.add(name);
                collect(sub, next, out);
            }
        });
    }

    @Test
    void everyCommandPrintsItsUsageWithHelpAndExitsZero() {
        List<List<String>> paths = commandPaths();
        // the top level, the documented commands and the two groups' subcommands at least
        assertThat(paths).contains(List.of(), List.of("info"), List.of("view"), List.of("synth"), List.of("train"),
            List.of("harmonize"), List.of("bids"), List.of("demo"), List.of("metrics"), List.of("evaluate"),
            List.of("model", "summary"), List.of("model", "bundle"), List.of("bench", "train"),
            List.of("bench", "harmonize"));
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            CliRun r = CliRun.of(args.toArray(String[]::new));
            String shown = String.join(" ", args);
            assertThat(r.exit()).as(shown).isZero();
            // the usage line names the command's full path (picocli's own help command puts a header above it)
            assertThat(r.out()).as(shown)
                .containsPattern("(?m)^" + java.util.regex.Pattern.quote(String.join(" ", usagePrefix(path))) + "( |$)");
            assertThat(r.out()).as(shown).contains("-h, --help");
            assertThat(r.errorLines()).as(shown).isEmpty();
        }
    }

    private static List<String> usagePrefix(List<String> path) {
        List<String> words = new ArrayList<>(List.of("Usage:", "mrharmony"));
        words.addAll(path);
        return words;
    }

    @Test
    void versionPrintsTheProjectVersion() {
        CliRun r = CliRun.of("--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out().strip()).isEqualTo("mrharmony " + VersionProvider.version());
        // From the jar it is the Maven version (manifest); from compiled classes, "dev".
        assertThat(VersionProvider.version()).matches("dev|\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(CliRun.of("-V").out()).isEqualTo(r.out());
    }
}
