package org.mrharmony.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mrharmony model}: inspect the StarGAN v2 networks. */
@Command(
        name = "model",
        mixinStandardHelpOptions = true,
        description = "Inspect the StarGAN v2 networks (generator, mapping network, style encoder, discriminator).",
        subcommands = {ModelSummaryCommand.class})
public final class ModelCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
