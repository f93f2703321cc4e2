package org.mrharmony.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved networks load back to identical parameters and outputs; bad files fail clearly. */
class NetworkCheckpointTest {

    private static final NetworkConfig TINY = NetworkPresets.named(NetworkPresets.TINY, 3);

    @Test
    void roundTripGivesIdenticalOutputs(@TempDir Path dir) throws IOException {
        float[][] before;
        try (StarGanV2 nets = StarGanV2.create(TINY, Device.cpu(), 11)) {
            // Make the EMA copies differ from their networks, so a mix-up on load would show.
            NDArray w = nets.generator().getParameters().valueAt(0).getArray();
            w.addi(0.25f);
            before = outputs(nets);
            assertThat(NetworkCheckpoint.exists(dir)).isFalse();
            NetworkCheckpoint.save(nets, dir);
        }

        assertThat(NetworkCheckpoint.exists(dir)).isTrue();
        try (StarGanV2 loaded = NetworkCheckpoint.load(dir, Device.cpu())) {
            assertThat(loaded.config()).isEqualTo(TINY);
            float[][] after = outputs(loaded);
            for (int i = 0; i < before.length; i++) {
                assertThat(after[i]).as("output %d", i).containsExactly(before[i]);
            }
            assertThat(after[0]).isNotEqualTo(after[1]);
            for (Parameter p : loaded.discriminator().getParameters().values()) {
                assertThat(p.getArray().hasGradient()).as(p.getName()).isTrue();
            }
            for (Parameter p : loaded.generatorEma().getParameters().values()) {
                assertThat(p.getArray().hasGradient()).as(p.getName()).isFalse();
            }
        }
        assertThat(dir).isDirectoryContaining(p -> p.getFileName().toString().equals("generator_ema.params"));
        try (var files = Files.list(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }

    /** G, G_ema, M, M_ema, E, E_ema, D on fixed inputs. */
    private static float[][] outputs(StarGanV2 nets) {
        try (NDManager m = nets.manager().newSubManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            float[] xs = new float[2 * 3 * 32 * 32];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = (float) Math.sin(0.37 * i);
            }
            NDArray x = m.create(xs, new Shape(2, 3, 32, 32));
            NDArray y = m.create(new int[] {2, 1});
            NDArray z = m.create(new float[] {0.1f, -0.3f, 0.7f, 1.1f, -0.9f, 0.2f, 0.4f, -0.5f}, new Shape(2, 4));
            NDArray s = nets.mappingNetwork().style(ps, z, y, false);
            return new float[][] {
                nets.generator().translate(ps, x, s, false).toFloatArray(),
                nets.generatorEma().translate(ps, x, s, false).toFloatArray(),
                s.toFloatArray(),
                nets.mappingNetworkEma().style(ps, z, y, false).toFloatArray(),
                nets.styleEncoder().style(ps, x, y, false).toFloatArray(),
                nets.styleEncoderEma().style(ps, x, y, false).toFloatArray(),
                nets.discriminator().logit(ps, x, y, false).toFloatArray(),
            };
        }
    }

    @Test
    void aMissingNetworkFileIsNamed(@TempDir Path dir) throws IOException {
        save(dir);
        Files.delete(dir.resolve("style_encoder.params"));

        assertThatThrownBy(() -> NetworkCheckpoint.load(dir, Device.cpu()))
                .isInstanceOf(IOException.class)
                .hasMessage(dir.resolve("style_encoder.params") + ": no such file");
    }

    @Test
    void anUnknownFormatVersionIsRejected(@TempDir Path dir) throws IOException {
        save(dir);
        Path file = dir.resolve("generator.params");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(2 + "mrharmony-network".length());
            raf.writeInt(99);
        }

        assertThatThrownBy(() -> NetworkCheckpoint.load(dir, Device.cpu()))
                .isInstanceOf(IOException.class)
                .hasMessage(file + ": unsupported network file version 99 (this build reads 1)");
    }

    @Test
    void aConfigWithOtherLayerSizesIsRejected(@TempDir Path dir) throws IOException {
        save(dir);
        Path config = dir.resolve(NetworkCheckpoint.CONFIG_FILE);
        Files.writeString(config, Files.readString(config).replace("\"style_dim\" : 8", "\"style_dim\" : 4"));

        assertThatThrownBy(() -> NetworkCheckpoint.load(dir, Device.cpu()))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(dir.resolve("generator.params") + ": parameter")
                .hasMessageContaining("norm1_01fc_weight has shape (32, 8), the config needs (32, 4)");
    }

    @Test
    void aConfigWithOtherLayersIsRejected(@TempDir Path dir) throws IOException {
        save(dir);
        Path config = dir.resolve(NetworkCheckpoint.CONFIG_FILE);
        // Wider trunk: the style encoder gains shortcut convolutions the file does not have.
        Files.writeString(config, Files.readString(config).replace("\"max_conv_dim\" : 16", "\"max_conv_dim\" : 64"));

        assertThatThrownBy(() -> NetworkCheckpoint.load(dir, Device.cpu()))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(dir.resolve("style_encoder.params") + ": damaged, or saved for another network config");
    }

    @Test
    void notANetworkFile(@TempDir Path dir) throws IOException {
        save(dir);
        Files.writeString(dir.resolve("discriminator.params"), "hello");

        assertThatThrownBy(() -> NetworkCheckpoint.load(dir, Device.cpu()))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(dir.resolve("discriminator.params").toString());
    }

    private static void save(Path dir) throws IOException {
        try (StarGanV2 nets = StarGanV2.create(TINY, Device.cpu(), 1)) {
            NetworkCheckpoint.save(nets, dir);
        }
    }
}
