package org.mrharmony.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link ParameterStore} for one training step that hands the blocks a detached view of each
 * weight (same storage, no copy) as a fresh gradient leaf, owned by the step's manager.
 *
 * <p>Why: gradients then land on these views, not on the long-lived weights, and die with the
 * step. This matters for R1: its double backprop ({@code backward(createGraph=true)}) leaves a
 * graph hanging on every parameter gradient it touches, and PyTorch only frees it when the
 * gradient is reset to None — which DJL cannot do (its {@code zeroGrad} zeroes in place, so the
 * graphs would chain from step to step: a native-memory leak). With per-step views nothing
 * survives the step but the weights and the optimiser state.
 *
 * <p>With {@code trainable = false} the views do not require gradients, so a network that is
 * only evaluated in a step (D in the generator step, G in the discriminator step) costs no
 * parameter-gradient work; gradients still flow through it to its inputs.
 */
public final class StepParameters extends ParameterStore {

    private final NDManager stepManager;
    private final boolean trainable;
    private final Map<String, NDArray> views = new HashMap<>();

    public StepParameters(NDManager stepManager, boolean trainable) {
        super(stepManager, false);
        this.stepManager = stepManager;
        this.trainable = trainable;
    }

    @Override
    public NDArray getValue(Parameter parameter, Device device, boolean training) {
        if (parameter == null) {
            return null;
        }
        return views.computeIfAbsent(parameter.getId(), id -> {
            NDArray weight = parameter.getArray();
            NDArray view = weight.stopGradient();
            if (!view.getDevice().equals(device)) {
                NDArray moved = view.toDevice(device, true);
                view.close();
                view = moved;
            }
            view.attach(stepManager);
            if (trainable && parameter.requiresGradient()) {
                view.setRequiresGradient(true);
            }
            return view;
        });
    }

    /**
     * The gradients of the given parameters after a backward pass, in order; a parameter this
     * step never used gets zeros (torch's Adam would skip it; StarGAN v2 uses every parameter
     * of a network in each of its steps, so this does not arise there).
     */
    public List<NDArray> gradients(List<Parameter> parameters) {
        List<NDArray> grads = new ArrayList<>(parameters.size());
        for (Parameter p : parameters) {
            NDArray view = views.get(p.getId());
            NDArray g = view == null ? stepManager.zeros(p.getArray().getShape()) : view.getGradient();
            g.attach(stepManager);
            grads.add(g);
        }
        return grads;
    }
}
