package org.sigmoid4j.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One stage of a feed-forward network, working on batches (rows = examples). A layer owns its
 * output and input-gradient buffers; {@link #forward} returns the output buffer, valid until the
 * layer's next forward pass, and caches what {@link #backward} needs.
 *
 * <p>For diagnostics: {@link #lastInput()} and {@link #lastOutput()} are the buffers of the last
 * forward pass (for an {@link ActivationLayer}: the pre-activation and the activation), and
 * {@link #parameters()} gives each learnable array with its gradient of the last backward pass.
 */
public abstract class Layer {

    protected final Precision precision;
    protected final int inputSize;
    protected final int outputSize;
    protected Tensor lastInput;
    protected final Tensor output;
    protected final Tensor gradInput;
    /** Threads for matrix products; results never depend on it. */
    protected int threads = 1;

    protected Layer(Precision precision, int inputSize, int outputSize) {
        if (inputSize <= 0 || outputSize <= 0) {
            throw new IllegalArgumentException("layer sizes must be positive: " + inputSize + " -> " + outputSize);
        }
        this.precision = precision;
        this.inputSize = inputSize;
        this.outputSize = outputSize;
        this.output = Tensor.zeros(precision, 0, outputSize);
        this.gradInput = Tensor.zeros(precision, 0, inputSize);
    }

    /** Stable type identifier used by model files: {@code dense}, {@code activation}, ... */
    public abstract String type();

    public final int inputSize() {
        return inputSize;
    }

    public final int outputSize() {
        return outputSize;
    }

    public final Precision precision() {
        return precision;
    }

    /** Learnable parameters, in a fixed order; empty for parameter-free layers. */
    public List<Parameter> parameters() {
        return List.of();
    }

    /** Non-learnable state saved with the model (e.g. batch-norm running statistics), by name. */
    public Map<String, double[]> buffers() {
        return Map.of();
    }

    /** Restores a buffer saved by {@link #buffers()}. */
    public void setBuffer(String name, double[] values) {
        throw new IllegalArgumentException(type() + " has no buffer '" + name + "'");
    }

    /** Configuration written to the model file (besides type and sizes). */
    public Map<String, Object> config() {
        return new LinkedHashMap<>();
    }

    /** Runs the layer on {@code input} (rows × inputSize) and returns the output buffer. */
    public final Tensor forward(Tensor input, Mode mode) {
        if (input.cols() != inputSize) {
            throw new IllegalArgumentException(type() + ": expected " + inputSize + " input columns, got " + input.cols());
        }
        if (input.precision() != precision) {
            throw new IllegalArgumentException(type() + ": expected " + precision.id() + " input, got " + input.precision().id());
        }
        lastInput = input;
        output.resize(input.rows(), outputSize);
        forwardImpl(input, output, mode);
        return output;
    }

    /**
     * Given ∂L/∂output of the last forward pass, overwrites every parameter gradient and returns
     * ∂L/∂input (or {@code null} when {@code needInputGrad} is false, e.g. for the first layer).
     */
    public final Tensor backward(Tensor gradOutput, boolean needInputGrad) {
        if (lastInput == null) {
            throw new IllegalStateException(type() + ": backward before forward");
        }
        if (gradOutput.rows() != output.rows() || gradOutput.cols() != outputSize) {
            throw new IllegalArgumentException(type() + ": gradient shape " + gradOutput.rows() + "x" + gradOutput.cols()
                    + " does not match the output " + output.rows() + "x" + outputSize);
        }
        Tensor gi = null;
        if (needInputGrad) {
            gi = gradInput.resize(lastInput.rows(), inputSize);
        }
        backwardImpl(lastInput, gradOutput, gi);
        return gi;
    }

    protected abstract void forwardImpl(Tensor in, Tensor out, Mode mode);

    /** {@code gradIn} is null when the input gradient is not needed. */
    protected abstract void backwardImpl(Tensor in, Tensor gradOut, Tensor gradIn);

    /** The input of the last forward pass (owned by the previous layer or the caller). */
    public final Tensor lastInput() {
        return lastInput;
    }

    /** The output of the last forward pass. */
    public final Tensor lastOutput() {
        return output;
    }

    /** Sets the thread count for this layer's matrix products (never changes results). */
    public void setThreads(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1");
        this.threads = threads;
    }

    /** Number of learnable scalars. */
    public final int parameterCount() {
        int n = 0;
        for (Parameter p : parameters()) n += p.size();
        return n;
    }

    /** A short human description, e.g. {@code dense 784→100}. */
    public String describe() {
        return type() + " " + inputSize + "→" + outputSize;
    }

    @Override
    public String toString() {
        return describe();
    }
}
