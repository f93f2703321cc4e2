package org.mrharmony.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mrharmony.io.AtomicFiles;

/**
 * Saves and loads all seven networks of a {@link StarGanV2} in a folder:
 * {@value #CONFIG_FILE} (the {@link NetworkConfig}) and one {@code <name>.params} per network
 * (a magic string, the format version, then DJL's versioned {@code saveParameters} stream).
 * Loading is strict: an unknown format version, a block version mismatch or a parameter of the
 * wrong shape fails with an IOException naming the file. Every file is written atomically.
 */
public final class NetworkCheckpoint {

    public static final String CONFIG_FILE = "network-config.json";
    public static final String PARAMS_SUFFIX = ".params";

    private static final String MAGIC = "mrharmony-network";
    private static final int FORMAT_VERSION = 1;

    private NetworkCheckpoint() {}

    public static void save(StarGanV2 nets, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, StarGanNetwork> e : nets.all().entrySet()) {
            StarGanNetwork net = e.getValue();
            AtomicFiles.write(dir.resolve(e.getKey() + PARAMS_SUFFIX), out -> {
                DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out));
                data.writeUTF(MAGIC);
                data.writeInt(FORMAT_VERSION);
                net.saveParameters(data);
                data.flush();
            });
        }
        // The config last: a folder with a config is a complete checkpoint.
        byte[] json = NetworkConfigJson.toJson(nets.config()).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(dir.resolve(CONFIG_FILE), out -> out.write(json));
    }

    /** Whether {@code dir} holds a saved set of networks. */
    public static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(CONFIG_FILE));
    }

    public static StarGanV2 load(Path dir, Device device) throws IOException {
        NetworkConfig config = NetworkConfigJson.read(dir.resolve(CONFIG_FILE));
        StarGanV2 nets = StarGanV2.forLoading(config, device);
        try {
            nets.freezeEma();
            for (Map.Entry<String, StarGanNetwork> e : nets.all().entrySet()) {
                load(e.getValue(), dir.resolve(e.getKey() + PARAMS_SUFFIX), nets);
            }
            return nets;
        } catch (IOException | RuntimeException e) {
            nets.close();
            throw e;
        }
    }

    private static void load(StarGanNetwork net, Path file, StarGanV2 nets) throws IOException {
        List<Shape> expected = expectedShapes(net, nets);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            String magic = in.readUTF();
            if (!MAGIC.equals(magic)) {
                throw new IOException(file + ": not a mrharmony network parameter file");
            }
            int version = in.readInt();
            if (version != FORMAT_VERSION) {
                throw new IOException(file + ": unsupported network file version " + version
                        + " (this build reads " + FORMAT_VERSION + ")");
            }
            net.loadParameters(nets.manager(), in);
            if (in.read() != -1) {
                throw new IOException(file + ": unexpected data after the parameters");
            }
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file", e);
        } catch (MalformedModelException e) {
            throw new IOException(file + ": damaged, or saved for another network config ("
                    + e.getMessage() + ")", e);
        } catch (EOFException e) {
            throw new IOException(file + ": truncated", e);
        }
        ParameterList params = net.getParameters();
        for (int i = 0; i < params.size(); i++) {
            Shape actual = params.valueAt(i).getArray().getShape();
            if (!actual.equals(expected.get(i))) {
                throw new IOException(file + ": parameter " + params.keyAt(i) + " has shape "
                        + actual + ", the config needs " + expected.get(i));
            }
        }
        // Attaches gradients to the loaded arrays of trainable networks, as initialisation would.
        net.initialize(nets.manager(), DataType.FLOAT32, net.inputShapes(1));
    }

    /** The parameter shapes the config implies, found by a placeholder initialisation. */
    private static List<Shape> expectedShapes(StarGanNetwork net, StarGanV2 nets) {
        net.setInitializer(new ShapeOnlyInitializer(), p -> true);
        net.initialize(nets.manager(), DataType.FLOAT32, net.inputShapes(1));
        List<Shape> shapes = new ArrayList<>();
        for (Parameter p : net.getParameters().values()) {
            shapes.add(p.getArray().getShape());
        }
        net.clear();
        return shapes;
    }
}
