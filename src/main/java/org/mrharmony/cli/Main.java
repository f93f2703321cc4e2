package org.mrharmony.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mrharmony} command: one subcommand class per job. */
@Command(
    name = "mrharmony",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Harmonize brain MRI across scanning sites (StarGAN v2 + temporal coherence).",
    subcommands = {
        CommandLine.HelpCommand.class,
        MetricsCommand.class,
        InfoCommand.class,
        ViewCommand.class,
        ModelCommand.class,
        TrainCommand.class,
        SynthCommand.class,
        HarmonizeCommand.class,
        BidsCommand.class,
        BenchCommand.class,
        DemoCommand.class,
        EvaluateCommand.class,
    })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns the exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(new CliErrors());
        return cli.execute(args);
    }
}
