package org.mrharmony.harmonize;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mrharmony.model.NetworkConfig;
import org.mrharmony.model.StarGanV2;
import org.mrharmony.volume.Volume;

/**
 * A model directory opened for harmonizing: its description, checked for consistency, and
 * (when the GAN is used) its networks. Every inconsistency is an {@link IOException} naming the
 * file, so a damaged or mismatched model fails before any input is touched.
 */
public final class HarmonizationModel implements AutoCloseable {

    private final Path dir;
    private final ModelInfo info;
    private final StarGanV2 networks;
    private final boolean ownsNetworks;

    private HarmonizationModel(Path dir, ModelInfo info, StarGanV2 networks, boolean ownsNetworks) {
        this.dir = dir;
        this.info = info;
        this.networks = networks;
        this.ownsNetworks = ownsNetworks;
    }

    private HarmonizationModel(Path dir, ModelInfo info, StarGanV2 networks) {
        this(dir, info, networks, true);
    }

    /**
     * A model that is still in memory, e.g. the networks of a running training, checked as a
     * model directory would be. The networks stay the caller's: {@link #close()} leaves them open.
     *
     * @param dir named in messages (the folder the model is being trained into)
     */
    public static HarmonizationModel inMemory(Path dir, ModelInfo info, StarGanV2 networks) throws IOException {
        Path infoFile = dir.resolve(ModelDirectory.INFO_FILE);
        checkInfo(infoFile, info);
        checkAgainstNetworks(infoFile, info, networks.config());
        return new HarmonizationModel(dir, info, networks, false);
    }

    /**
     * Opens a model directory.
     *
     * @param withNetworks load the networks (the GAN needs them; the intensity baselines do not)
     */
    public static HarmonizationModel open(Path dir, Device device, boolean withNetworks) throws IOException {
        ModelInfo info = ModelDirectory.readInfo(dir);
        Path infoFile = dir.resolve(ModelDirectory.INFO_FILE);
        checkInfo(infoFile, info);
        if (!withNetworks) {
            return new HarmonizationModel(dir, info, null);
        }
        StarGanV2 nets;
        try {
            nets = ModelDirectory.readNetworks(dir, device);
        } catch (RuntimeException e) {
            throw new IOException(dir.resolve(ModelDirectory.NETWORKS_DIR) + ": cannot load the networks ("
                + e.getMessage() + ")", e);
        }
        try {
            checkAgainstNetworks(infoFile, info, nets.config());
        } catch (IOException e) {
            nets.close();
            throw e;
        }
        return new HarmonizationModel(dir, info, nets);
    }

    /** Checks what the description says on its own. */
    static void checkInfo(Path file, ModelInfo info) throws IOException {
        if (info.sliceAxis() < 0 || info.sliceAxis() > 2) {
            throw new IOException(file + ": slice_axis must be 0, 1 or 2, got " + info.sliceAxis());
        }
        if (info.channels() < 1 || info.channels() % 2 == 0) {
            throw new IOException(file + ": channels must be odd and positive, got " + info.channels());
        }
        if (!(info.clipPercentile() > 0 && info.clipPercentile() <= 100)) {
            throw new IOException(file + ": clip_percentile must be in (0, 100], got " + info.clipPercentile());
        }
        if (info.inputStandard() != null) {
            try {
                info.inputStandard().toNormalizer();
            } catch (RuntimeException e) {
                throw new IOException(file + ": unusable input_standard: " + e.getMessage());
            }
        }
        List<SiteInfo> sites = info.sites();
        Set<String> names = new HashSet<>();
        boolean[] indexSeen = new boolean[sites.size()];
        Integer styleLength = null;
        for (SiteInfo s : sites) {
            if (s == null || s.name() == null || s.name().isBlank()) {
                throw new IOException(file + ": a site has no name");
            }
            if (!names.add(s.name())) {
                throw new IOException(file + ": site '" + s.name() + "' is listed twice");
            }
            if (s.index() < 0 || s.index() >= sites.size() || indexSeen[s.index()]) {
                throw new IOException(file + ": site indices must be 0.." + (sites.size() - 1)
                    + ", each once; site '" + s.name() + "' has " + s.index());
            }
            indexSeen[s.index()] = true;
            if (s.intensity() == null) {
                throw new IOException(file + ": site '" + s.name() + "' has no intensity scale");
            }
            if (s.meanStyle() != null) {
                if (styleLength != null && styleLength != s.meanStyle().length) {
                    throw new IOException(file + ": mean styles differ in length between sites");
                }
                styleLength = s.meanStyle().length;
            }
        }
    }

    /** Checks that the description and the networks belong together. */
    static void checkAgainstNetworks(Path file, ModelInfo info, NetworkConfig config) throws IOException {
        if (config.inChannels() != info.channels()) {
            throw new IOException(file + ": the model says " + info.channels() + " slices per stack but its networks take "
                + config.inChannels() + " channels");
        }
        if (config.numDomains() != info.sites().size()) {
            throw new IOException(file + ": the model lists " + info.sites().size() + " sites but its networks have "
                + config.numDomains());
        }
        for (SiteInfo s : info.sites()) {
            if (s.meanStyle() != null && s.meanStyle().length != config.styleDim()) {
                throw new IOException(file + ": site '" + s.name() + "' has a mean style of length "
                    + s.meanStyle().length + ", the networks' style codes have " + config.styleDim());
            }
        }
    }

    /**
     * A volume as this model's networks see it: its clip percentile and, when it was trained with
     * one, its input standard (the one way harmonizing prepares a scan, as training did).
     *
     * @throws IllegalArgumentException for a volume without a usable head
     */
    public PreparedInput prepare(Volume volume) {
        return PreparedInput.of(volume, info.clipPercentile(), info.standard());
    }

    /**
     * The site of that name.
     *
     * @throws IllegalArgumentException naming the model directory and the known sites
     */
    public SiteInfo site(String name) {
        return info.site(name).orElseThrow(() -> new IllegalArgumentException(dir + ": unknown site '" + name
            + "' (the model knows: " + String.join(", ", info.siteNames()) + ")"));
    }

    public Path dir() {
        return dir;
    }

    public ModelInfo info() {
        return info;
    }

    public boolean hasNetworks() {
        return networks != null;
    }

    /** The networks; only when opened with them. */
    public StarGanV2 networks() {
        if (networks == null) {
            throw new IllegalStateException("model opened without its networks");
        }
        return networks;
    }

    @Override
    public void close() {
        if (networks != null && ownsNetworks) {
            networks.close();
        }
    }
}
