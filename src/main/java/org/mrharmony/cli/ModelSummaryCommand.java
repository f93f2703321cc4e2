package org.mrharmony.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mrharmony.model.Devices;
import org.mrharmony.model.NetworkConfig;
import org.mrharmony.model.NetworkPresets;
import org.mrharmony.model.ParameterCounts;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mrharmony model summary}: the configuration and parameter count of each network. */
@Command(
        name = "summary",
        mixinStandardHelpOptions = true,
        description = {
            "Print a network preset's configuration and the parameter count of each network.",
            "The 'paper' preset is the published StarGAN v2 (its counts equal the original code's)."
        })
public final class ModelSummaryCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--preset", paramLabel = "NAME", defaultValue = NetworkPresets.DEFAULT,
            description = "Network preset: paper, cpu or tiny (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--sites", paramLabel = "K", required = true,
            description = "Number of sites (domains): one head per site in M, E and D.")
    int sites;

    @Option(names = "--img", paramLabel = "N",
            description = "Patch size override (power of two >= 16). With 'paper', widths follow the "
                    + "original's rule dim_in = 2^14 / N.")
    Integer imgSize;

    @Option(names = "--max-conv-dim", paramLabel = "N", description = "Channel cap override.")
    Integer maxConvDim;

    @Option(names = "--device", paramLabel = "DEVICE", defaultValue = "cpu",
            description = "Where to build the networks while counting: cpu, gpu or gpuN (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--json", description = "Print only the counts as JSON: generator, mapping_network, "
            + "style_encoder, discriminator.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        NetworkConfig config = config();
        ParameterCounts counts = ParameterCounts.of(config, Devices.parse(device));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(counts));
        } else {
            printTable(out, config, counts);
        }
        out.flush();
        return 0;
    }

    private NetworkConfig config() {
        if (sites < 1) {
            throw new IllegalArgumentException("--sites must be at least 1, got " + sites);
        }
        return NetworkPresets.resized(preset, sites, imgSize, maxConvDim);
    }

    private void printTable(PrintWriter out, NetworkConfig c, ParameterCounts counts) {
        out.printf(Locale.ROOT, "preset %s, %d sites%n", preset, c.numDomains());
        out.printf(Locale.ROOT, "  img_size %d, in_channels %d, dim_in %d, max_conv_dim %d%n",
                c.imgSize(), c.inChannels(), c.dimIn(), c.maxConvDim());
        out.printf(Locale.ROOT, "  style_dim %d, latent_dim %d, mapping_hidden %d, residual_output %s%n",
                c.styleDim(), c.latentDim(), c.mappingHidden(), c.residualOutput());
        out.printf(Locale.ROOT, "  generator input: H, W multiples of %d; style encoder / discriminator input: %dx%d%n",
                c.downsampleFactor(), c.imgSize(), c.imgSize());
        out.printf(Locale.ROOT, "%-16s %,14d%n", "generator", counts.generator());
        out.printf(Locale.ROOT, "%-16s %,14d%n", "mapping_network", counts.mappingNetwork());
        out.printf(Locale.ROOT, "%-16s %,14d%n", "style_encoder", counts.styleEncoder());
        out.printf(Locale.ROOT, "%-16s %,14d%n", "discriminator", counts.discriminator());
        out.printf(Locale.ROOT, "%-16s %,14d%n", "total", counts.total());
    }
}
