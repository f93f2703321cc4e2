package org.mrharmony.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mrharmony model}: inspect the StarGAN v2 networks; bundle a trained model for the demo. */
@Command(
        name = "model",
        mixinStandardHelpOptions = true,
        description = "Inspect the StarGAN v2 networks (generator, mapping network, style encoder, discriminator); "
                + "bundle a trained model for the demo.",
        subcommands = {ModelSummaryCommand.class, ModelBundleCommand.class})
public final class ModelCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
