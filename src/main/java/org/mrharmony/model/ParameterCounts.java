package org.mrharmony.model;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.function.Function;

/** Number of scalar parameters of each trained network (EMA copies have the same). */
public record ParameterCounts(
        @JsonProperty("generator") long generator,
        @JsonProperty("mapping_network") long mappingNetwork,
        @JsonProperty("style_encoder") long styleEncoder,
        @JsonProperty("discriminator") long discriminator) {

    /**
     * Counts by building each network of {@code config} on {@code device} and letting DJL size
     * its parameters (with placeholder values, so even the paper networks count in an instant).
     */
    public static ParameterCounts of(NetworkConfig config, Device device) {
        return new ParameterCounts(
                count(config, device, Generator::new),
                count(config, device, MappingNetwork::new),
                count(config, device, StyleEncoder::new),
                count(config, device, Discriminator::new));
    }

    private static long count(NetworkConfig config, Device device, Function<NetworkConfig, StarGanNetwork> build) {
        try (NDManager manager = NDManager.newBaseManager(device)) {
            StarGanNetwork net = build.apply(config);
            net.setInitializer(new ShapeOnlyInitializer(), p -> true);
            net.initialize(manager, DataType.FLOAT32, net.inputShapes(1));
            return net.parameterCount();
        }
    }

    public long total() {
        return generator + mappingNetwork + styleEncoder + discriminator;
    }
}
