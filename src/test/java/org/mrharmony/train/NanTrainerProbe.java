package org.mrharmony.train;

import ai.djl.Device;
import org.mrharmony.data.StackSampler;
import org.mrharmony.data.TinySites;
import org.mrharmony.data.TrainingSet;
import org.mrharmony.model.NetworkPresets;
import org.mrharmony.model.StarGanV2;

/** Manual probe: java ... NanTrainerProbe THREADS RUNS */
public class NanTrainerProbe {
    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        int runs = Integer.parseInt(args[1]);
        if (threads > 0) ai.djl.pytorch.jni.JniUtils.setNumThreads(threads);
        TrainConfig cfg = TrainConfig.defaults("tiny", NetworkPresets.named("tiny", 2)).withSteps(4);
        TrainingSet data = TinySites.trainingSet(2, 1, 40, 10, cfg.slicing());
        StackSampler sampler = new StackSampler(data, cfg.seed(), cfg.network().latentDim());
        int bad = 0;
        for (int r = 0; r < runs; r++) {
            try (StarGanV2 nets = StarGanV2.create(cfg.network(), Device.cpu(), 1); Trainer t = new Trainer(cfg, nets)) {
                for (int i = 0; i < 2; i++) {
                    StepLosses l = t.train(sampler.batch(t.step(), 2));
                    if (!l.allFinite()) { bad++; System.out.println("run " + r + " step " + i + " NaN"); break; }
                }
            }
        }
        System.out.println("PROBE threads=" + threads + " env=" + System.getenv("ONEDNN_MAX_CPU_ISA") + " bad " + bad + "/" + runs);
    }
}
