package org.mrharmony.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mrharmony bench}: measured speed and memory of the expensive commands. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Measure speed and memory (seconds, throughput, peak resident memory).",
    subcommands = {BenchHarmonizeCommand.class, BenchTrainCommand.class})
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
