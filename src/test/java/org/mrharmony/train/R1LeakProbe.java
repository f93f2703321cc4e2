package org.mrharmony.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Manual probe: java -cp ... R1LeakProbe MODE steps ; prints RSS. */
public class R1LeakProbe {
    static long rssKb() throws Exception {
        for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (l.startsWith("VmRSS")) return Long.parseLong(l.replaceAll("\\D", ""));
        }
        return -1;
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int steps = Integer.parseInt(args[1]);
        try (NDManager m = NDManager.newBaseManager()) {
            SequentialBlock d = new SequentialBlock();
            d.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(32).build())
                .add(x -> Activation.leakyRelu(x, 0.2f))
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(32).build())
                .add(x -> Activation.leakyRelu(x, 0.2f))
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(1).build());
            d.initialize(m, DataType.FLOAT32, new Shape(4, 3, 32, 32));
            List<Parameter> params = new ArrayList<>();
            d.getParameters().forEach(p -> params.add(p.getValue()));
            Adam adam = new Adam(params, 1e-4f, 0f, 0.99f, 1e-8f, 1e-4f, m);
            InputGradient ig = new InputGradient(m);
            for (int s = 0; s < steps; s++) {
                try (NDManager step = m.newSubManager()) {
                    NDArray x = step.randomNormal(new Shape(4, 3, 32, 32));
                    x.setRequiresGradient(true);
                    if (mode.equals("views")) {
                        StepParameters store = new StepParameters(step, true);
                        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                            NDArray out = d.forward(store, new NDList(x), true).singletonOrThrow();
                            NDArray r1 = Losses.r1(ig, out, x);
                            
                            NDArray loss = Losses.adversarial(out, true).add(r1);
                            gc.backward(loss);
                        }
                        adam.step(store.gradients(params));
                    } else {
                        ai.djl.training.ParameterStore store = new ai.djl.training.ParameterStore(step, false);
                        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                            NDArray out = d.forward(store, new NDList(x), true).singletonOrThrow();
                            NDArray r1 = Losses.r1(ig, out, x);
                            
                            NDArray loss = Losses.adversarial(out, true).add(r1);
                            gc.backward(loss);
                        }
                        adam.step();
                    }
                }
                if (s % 50 == 0) System.out.println(System.currentTimeMillis()/1000 + " " + mode + " step " + s + " rss MB " + rssKb() / 1024);
            }
        }
    }
}
