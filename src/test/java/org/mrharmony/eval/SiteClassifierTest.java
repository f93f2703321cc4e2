package org.mrharmony.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mrharmony.data.InputStandard;
import org.mrharmony.data.PreparedVolume;
import org.mrharmony.data.SlicingConfig;
import org.mrharmony.data.TinySites;
import org.mrharmony.data.TrainingSet;
import org.mrharmony.data.VolumePreparer;

class SiteClassifierTest {

    private static final SlicingConfig SLICING = SlicingConfig.defaults(3, 16);

    /** Two sites with plainly different contrast and noise: a few dozen steps must tell them apart on new volumes. */
    @Test
    void smallNetworkTellsTwoDistinctSitesApartOnUnseenVolumes() throws Exception {
        TrainingSet train = TinySites.trainingSet(2, 2, 20, 12, SLICING);
        SiteClassifier.Settings settings = new SiteClassifier.Settings(SiteClassifierNet.Architecture.SMALL, SLICING,
            150, 12, 3e-3, 16, 7);
        try (SiteClassifier classifier = SiteClassifier.train(train, settings, Device.cpu(), false)) {
            int right = 0;
            for (int site = 0; site < 2; site++) {
                for (int i = 0; i < 2; i++) {
                    PreparedVolume unseen = VolumePreparer.prepare(TinySites.head(20, 12, site, 9_000L + 10 * site + i),
                        Path.of("mem", "test"), "site" + (char) ('A' + site), site, SLICING, InputStandard.NONE);
                    SiteClassifier.Prediction p = classifier.predict(unseen);
                    assertThat(p.probabilities()).hasSize(2);
                    assertThat(p.probabilities()[0] + p.probabilities()[1]).isCloseTo(1.0,
                        within(1e-5));
                    assertThat(p.features()).hasNumberOfRows(settings.stacksPerVolume());
                    assertThat(p.features()[0]).hasSize(64);
                    right += p.site() == site ? 1 : 0;
                }
            }
            assertThat(right).as("correct of 4 unseen volumes").isEqualTo(4);
            // the same volume is described by the same stacks every time
            PreparedVolume v = train.volumes(1).get(0);
            assertThat(classifier.predict(v).probabilities()).containsExactly(classifier.predict(v).probabilities());
        }
    }

    /** ResNet-50: 23.5 M trunk parameters (torchvision's resnet50 without its fc layer) and 2048 features. */
    @Test
    void resnet50HasTheStandardTrunk() {
        SiteClassifierNet net = SiteClassifierNet.create(SiteClassifierNet.Architecture.RESNET50, 4);
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            net.features().initialize(m, DataType.FLOAT32, new Shape(2, 3, 32, 32));
            long params = net.features().getParameters().values().stream()
                .filter(p -> p.requiresGradient()).mapToLong(p -> p.getArray().size()).sum();
            // torchvision resnet50: 25,557,032 parameters, of which fc holds 2048 * 1000 + 1000; its stem takes 3 channels
            assertThat(params).isEqualTo(25_557_032L - 2_049_000L);
            NDArray out = net.features().forward(new ParameterStore(m, false),
                new NDList(m.ones(new Shape(2, 3, 32, 32))), false).singletonOrThrow();
            assertThat(out.getShape()).isEqualTo(new Shape(2, 2048));
        }
    }
}
