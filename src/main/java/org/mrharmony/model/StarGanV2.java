package org.mrharmony.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The four StarGAN v2 networks for one configuration, plus the exponential-moving-average copies
 * of G, M and E used for inference. Owns the {@link NDManager} holding every parameter on one
 * {@link Device}; close it to free them.
 *
 * <p>Initialisation: the original applies {@code he_init} to the trained networks after copying
 * the EMA networks, so its EMA copies start from PyTorch's default initialisation, unrelated to
 * the networks they average. Here the EMA copies start as exact copies of the initialised
 * networks, so the EMA generator of an identity-start configuration is the identity too.
 */
public final class StarGanV2 implements AutoCloseable {

    public static final String GENERATOR = "generator";
    public static final String MAPPING_NETWORK = "mapping_network";
    public static final String STYLE_ENCODER = "style_encoder";
    public static final String DISCRIMINATOR = "discriminator";
    public static final String EMA_SUFFIX = "_ema";

    private final NetworkConfig config;
    private final NDManager manager;
    private final Generator generator;
    private final MappingNetwork mappingNetwork;
    private final StyleEncoder styleEncoder;
    private final Discriminator discriminator;
    private final Generator generatorEma;
    private final MappingNetwork mappingNetworkEma;
    private final StyleEncoder styleEncoderEma;

    private StarGanV2(NetworkConfig config, NDManager manager) {
        this.config = config;
        this.manager = manager;
        generator = new Generator(config);
        mappingNetwork = new MappingNetwork(config);
        styleEncoder = new StyleEncoder(config);
        discriminator = new Discriminator(config);
        generatorEma = new Generator(config);
        mappingNetworkEma = new MappingNetwork(config);
        styleEncoderEma = new StyleEncoder(config);
    }

    /**
     * Builds and initialises all networks as the original does, drawing from the engine's random
     * generator after seeding it with {@code seed}; EMA copies equal their networks.
     */
    public static StarGanV2 create(NetworkConfig config, Device device, int seed) {
        Engine.getInstance().setRandomSeed(seed);
        StarGanV2 nets = new StarGanV2(config, NDManager.newBaseManager(device));
        try {
            for (StarGanNetwork net : nets.trained().values()) {
                net.initializeAsOriginal(nets.manager);
            }
            nets.freezeEma();
            for (StarGanNetwork net : nets.ema()) {
                net.initializeAsOriginal(nets.manager);
            }
            nets.resetEma();
            return nets;
        } catch (RuntimeException e) {
            nets.close();
            throw e;
        }
    }

    /** Uninitialised networks whose parameters the caller loads ({@link NetworkCheckpoint}). */
    static StarGanV2 forLoading(NetworkConfig config, Device device) {
        return new StarGanV2(config, NDManager.newBaseManager(device));
    }

    /** EMA networks are averaged, never trained: no gradients. */
    void freezeEma() {
        for (StarGanNetwork net : ema()) {
            net.freezeParameters(true);
        }
    }

    private List<StarGanNetwork> ema() {
        return List.of(generatorEma, mappingNetworkEma, styleEncoderEma);
    }

    /** Sets each EMA network's parameters to the current values of its network. */
    public void resetEma() {
        copyParameters(generator, generatorEma);
        copyParameters(mappingNetwork, mappingNetworkEma);
        copyParameters(styleEncoder, styleEncoderEma);
    }

    /** Copies every parameter value of {@code from} into the same-shaped network {@code to}. */
    public static void copyParameters(StarGanNetwork from, StarGanNetwork to) {
        List<Parameter> source = from.getParameters().values();
        List<Parameter> target = to.getParameters().values();
        if (source.size() != target.size()) {
            throw new IllegalArgumentException("networks differ: " + source.size() + " vs " + target.size() + " parameters");
        }
        for (int i = 0; i < source.size(); i++) {
            source.get(i).getArray().copyTo(target.get(i).getArray());
        }
    }

    public NetworkConfig config() {
        return config;
    }

    public Device device() {
        return manager.getDevice();
    }

    /** The manager owning the parameters (e.g. for a trainer's {@code ParameterStore}). */
    public NDManager manager() {
        return manager;
    }

    public Generator generator() {
        return generator;
    }

    public MappingNetwork mappingNetwork() {
        return mappingNetwork;
    }

    public StyleEncoder styleEncoder() {
        return styleEncoder;
    }

    public Discriminator discriminator() {
        return discriminator;
    }

    public Generator generatorEma() {
        return generatorEma;
    }

    public MappingNetwork mappingNetworkEma() {
        return mappingNetworkEma;
    }

    public StyleEncoder styleEncoderEma() {
        return styleEncoderEma;
    }

    /** The four trained networks by their original names. */
    public Map<String, StarGanNetwork> trained() {
        Map<String, StarGanNetwork> nets = new LinkedHashMap<>();
        nets.put(GENERATOR, generator);
        nets.put(MAPPING_NETWORK, mappingNetwork);
        nets.put(STYLE_ENCODER, styleEncoder);
        nets.put(DISCRIMINATOR, discriminator);
        return nets;
    }

    /** All seven networks by name; EMA copies carry {@value #EMA_SUFFIX}. */
    public Map<String, StarGanNetwork> all() {
        Map<String, StarGanNetwork> nets = trained();
        nets.put(GENERATOR + EMA_SUFFIX, generatorEma);
        nets.put(MAPPING_NETWORK + EMA_SUFFIX, mappingNetworkEma);
        nets.put(STYLE_ENCODER + EMA_SUFFIX, styleEncoderEma);
        return nets;
    }

    public ParameterCounts parameterCounts() {
        return new ParameterCounts(
                generator.parameterCount(),
                mappingNetwork.parameterCount(),
                styleEncoder.parameterCount(),
                discriminator.parameterCount());
    }

    @Override
    public void close() {
        manager.close();
    }
}
