package org.mrharmony.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mrharmony bench}: measured speed and memory of the expensive commands, and measured training diagnostics. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {"Measure speed and memory (seconds, throughput, peak resident memory);",
        "bench discriminator: how well the discriminator alone tells the sites apart."},
    subcommands = {BenchHarmonizeCommand.class, BenchTrainCommand.class, BenchDiscriminatorCommand.class})
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
