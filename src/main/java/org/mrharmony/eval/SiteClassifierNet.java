package org.mrharmony.eval;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import java.util.List;
import java.util.Locale;

/**
 * The site classifier's networks: a feature trunk ending in global average pooling (its output
 * is the "penultimate layer" whose statistics the site-FID compares) and a linear head giving
 * one logit per site.
 *
 * <ul>
 *   <li>{@code resnet50}: He et al. 2016 (CVPR), bottleneck blocks [3, 4, 6, 3] of widths
 *       256-2048, 7x7/2 stem and 3x3/2 max pooling; 2048 features. The talk's classifier.</li>
 *   <li>{@code small}: three 3x3 conv / batch-norm / ReLU stages of 16, 32 and 64 filters with
 *       2x2 max pooling between them; 64 features. Trains in seconds on a CPU.</li>
 * </ul>
 *
 * @param features the trunk: stacks (N, C, P, P) to features (N, F)
 * @param head     features to site logits (N, sites)
 */
public record SiteClassifierNet(Block features, Block head) {

    /** The two architectures, by the names the command line uses. */
    public enum Architecture {
        SMALL, RESNET50;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Architecture fromId(String id) {
            for (Architecture a : values()) {
                if (a.id().equals(id)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("unknown classifier '" + id + "'; use small or resnet50");
        }
    }

    private static final int[] RESNET50_BLOCKS = {3, 4, 6, 3};
    private static final int[] RESNET50_WIDTHS = {256, 512, 1024, 2048};
    private static final int BOTTLENECK_SQUEEZE = 4;
    private static final int[] SMALL_WIDTHS = {16, 32, 64};

    public static SiteClassifierNet create(Architecture architecture, int sites) {
        Block trunk = architecture == Architecture.SMALL ? smallTrunk() : resnet50Trunk();
        return new SiteClassifierNet(trunk, Linear.builder().setUnits(sites).build());
    }

    /** The trunk and head as one block, for a trainer. */
    public Block whole() {
        return new SequentialBlock().add(features).add(head);
    }

    private static Block smallTrunk() {
        SequentialBlock b = new SequentialBlock();
        for (int i = 0; i < SMALL_WIDTHS.length; i++) {
            if (i > 0) {
                b.add(Pool.maxPool2dBlock(new Shape(2, 2)));
            }
            b.add(conv(SMALL_WIDTHS[i], 3, 1)).add(BatchNorm.builder().build()).add(Activation::relu);
        }
        return b.add(Pool.globalAvgPool2dBlock()).add(Blocks.batchFlattenBlock());
    }

    private static Block resnet50Trunk() {
        SequentialBlock b = new SequentialBlock()
            .add(conv(64, 7, 2)).add(BatchNorm.builder().build()).add(Activation::relu)
            .add(Pool.maxPool2dBlock(new Shape(3, 3), new Shape(2, 2), new Shape(1, 1)));
        for (int stage = 0; stage < RESNET50_BLOCKS.length; stage++) {
            for (int i = 0; i < RESNET50_BLOCKS[stage]; i++) {
                int stride = i == 0 && stage > 0 ? 2 : 1;
                b.add(bottleneck(RESNET50_WIDTHS[stage], stride, i == 0));
            }
        }
        return b.add(Pool.globalAvgPool2dBlock()).add(Blocks.batchFlattenBlock());
    }

    /** 1x1 squeeze, 3x3 (strided), 1x1 expand, added to the (projected) input, then ReLU. */
    private static Block bottleneck(int width, int stride, boolean project) {
        int inner = width / BOTTLENECK_SQUEEZE;
        SequentialBlock residual = new SequentialBlock()
            .add(conv(inner, 1, 1)).add(BatchNorm.builder().build()).add(Activation::relu)
            .add(conv(inner, 3, stride)).add(BatchNorm.builder().build()).add(Activation::relu)
            .add(conv(width, 1, 1)).add(BatchNorm.builder().build());
        Block shortcut = project
            ? new SequentialBlock().add(conv(width, 1, stride)).add(BatchNorm.builder().build())
            : Blocks.identityBlock();
        return new SequentialBlock()
            .add(new ParallelBlock(
                branches -> new NDList(branches.get(0).singletonOrThrow().add(branches.get(1).singletonOrThrow())),
                List.of(residual, shortcut)))
            .add(Activation::relu);
    }

    /** A k x k convolution with "same" padding; bias off because batch norm follows. */
    private static Conv2d conv(int filters, int k, int stride) {
        return Conv2d.builder().setFilters(filters).setKernelShape(new Shape(k, k))
            .optStride(new Shape(stride, stride)).optPadding(new Shape(k / 2, k / 2)).optBias(false).build();
    }
}
