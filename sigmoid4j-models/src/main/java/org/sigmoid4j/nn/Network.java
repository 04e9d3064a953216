package org.sigmoid4j.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.sigmoid4j.activation.Activation;
import org.sigmoid4j.activation.StandardActivation;

/**
 * An ordered list of layers. Build one with {@link #builder(int)}:
 * <pre>{@code
 * Network net = Network.builder(784).precision(Precision.F32).seed(42)
 *         .dense(100).sigmoid().dense(10).build();
 * }</pre>
 * The last layer's output is the logits; the {@link Loss} turns them into probabilities.
 */
public final class Network {

    private final int inputSize;
    private final Precision precision;
    private final List<Layer> layers;
    private final Tensor input;
    private final Tensor gradOutput;

    Network(int inputSize, Precision precision, List<Layer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        int size = inputSize;
        for (Layer l : layers) {
            if (l.inputSize() != size) {
                throw new IllegalArgumentException(l.describe() + " expects " + l.inputSize() + " inputs but gets " + size);
            }
            size = l.outputSize();
        }
        this.inputSize = inputSize;
        this.precision = precision;
        this.layers = Collections.unmodifiableList(new ArrayList<>(layers));
        this.input = Tensor.zeros(precision, 0, inputSize);
        this.gradOutput = Tensor.zeros(precision, 0, size);
    }

    public static Builder builder(int inputs) {
        return new Builder(inputs);
    }

    public int inputSize() {
        return inputSize;
    }

    public int outputSize() {
        return layers.get(layers.size() - 1).outputSize();
    }

    public Precision precision() {
        return precision;
    }

    public List<Layer> layers() {
        return layers;
    }

    /** All learnable parameters, layer by layer. */
    public List<Parameter> parameters() {
        List<Parameter> ps = new ArrayList<>();
        for (Layer l : layers) ps.addAll(l.parameters());
        return ps;
    }

    public int parameterCount() {
        int n = 0;
        for (Layer l : layers) n += l.parameterCount();
        return n;
    }

    /** Thread count for matrix products; results are bit-identical whatever it is. */
    public void setThreads(int threads) {
        for (Layer l : layers) l.setThreads(threads);
    }

    /** Forward pass on an input tensor; returns the logits (the last layer's output buffer). */
    public Tensor forward(Tensor x, Mode mode) {
        Tensor h = x;
        for (Layer l : layers) h = l.forward(h, mode);
        return h;
    }

    /** Forward pass on rows of doubles (copied into the network's input buffer). */
    public Tensor forward(double[] x, int rows, Mode mode) {
        if (x.length < (long) rows * inputSize) {
            throw new IllegalArgumentException("input has " + x.length + " values, need " + rows + "x" + inputSize);
        }
        input.resize(rows, inputSize);
        input.copyFrom(x, 0);
        return forward(input, mode);
    }

    /** The network's own input buffer (for callers that fill it in place, e.g. the trainer). */
    public Tensor inputBuffer(int rows) {
        return input.resize(rows, inputSize);
    }

    /** Backward pass from ∂L/∂logits of the last forward pass; overwrites every parameter gradient. */
    public void backward(Tensor gradLogits) {
        Tensor g = gradLogits;
        for (int i = layers.size() - 1; i >= 0; i--) {
            g = layers.get(i).backward(g, i > 0);
        }
    }

    /** One forward and backward pass: returns the mean loss, parameter gradients set. */
    public double lossAndGradients(Tensor x, Targets targets, Loss loss, Mode mode) {
        Tensor z = forward(x, mode);
        double value = loss.evaluate(z, targets, gradOutput);
        backward(gradOutput);
        return value;
    }

    /**
     * The gradient of the mean loss over a fixed probe set, without side effects: PROBE mode
     * (batch statistics, running statistics untouched, no dropout), and the parameters'
     * gradient buffers are restored afterwards. The whole probe set is one batch.
     *
     * @return the probe loss and, per layer, each parameter's gradient by name
     */
    public ProbeGradients probeGradients(double[] x, int rows, Targets targets, Loss loss) {
        List<Parameter> ps = parameters();
        List<double[]> saved = new ArrayList<>(ps.size());
        for (Parameter p : ps) saved.add(p.gradsAsDouble());
        Tensor in = Tensor.zeros(precision, rows, inputSize);
        in.copyFrom(x, 0);
        double value = lossAndGradients(in, targets, loss, Mode.PROBE);
        List<Map<String, double[]>> perLayer = new ArrayList<>();
        for (Layer l : layers) {
            Map<String, double[]> g = new LinkedHashMap<>();
            for (Parameter p : l.parameters()) g.put(p.name(), p.gradsAsDouble());
            perLayer.add(g);
        }
        for (int i = 0; i < ps.size(); i++) ps.get(i).grad().copyFrom(saved.get(i), 0);
        return new ProbeGradients(value, perLayer);
    }

    /** Per-layer gradients of the mean loss on a probe set (see {@link #probeGradients}). */
    public record ProbeGradients(double loss, List<Map<String, double[]>> layers) {
        /** L2 norm of one parameter's gradient in one layer, or NaN when absent. */
        public double norm(int layer, String parameter) {
            double[] g = layers.get(layer).get(parameter);
            if (g == null) return Double.NaN;
            double s = 0;
            for (double v : g) s += v * v;
            return Math.sqrt(s);
        }
    }

    /** Copies of all parameter values (and buffers), to restore with {@link #restore}. */
    public Snapshot snapshot() {
        List<double[]> values = new ArrayList<>();
        for (Parameter p : parameters()) values.add(p.valuesAsDouble());
        List<Map<String, double[]>> buffers = new ArrayList<>();
        for (Layer l : layers) buffers.add(l.buffers());
        return new Snapshot(values, buffers);
    }

    public void restore(Snapshot s) {
        List<Parameter> ps = parameters();
        for (int i = 0; i < ps.size(); i++) ps.get(i).setValues(s.values().get(i));
        for (int i = 0; i < layers.size(); i++) {
            for (Map.Entry<String, double[]> e : s.buffers().get(i).entrySet()) layers.get(i).setBuffer(e.getKey(), e.getValue());
        }
    }

    public record Snapshot(List<double[]> values, List<Map<String, double[]>> buffers) {}

    /** One line per layer. */
    public String describe() {
        StringBuilder sb = new StringBuilder("input " + inputSize);
        for (Layer l : layers) sb.append(" → ").append(l.describe());
        return sb.toString();
    }

    @Override
    public String toString() {
        return describe();
    }

    /**
     * Builds a network layer by layer, initialising dense layers as it goes with a generator
     * seeded from {@link #seed(long)} (each layer draws from its own split stream, so adding a
     * layer at the end never changes the earlier layers' initial values).
     */
    public static final class Builder {
        private final int inputs;
        private final List<LayerSpec> specs = new ArrayList<>();
        private Precision precision = Precision.F32;
        private long seed = 0;
        private Init weightInit = Init.PYTORCH;
        private Init biasInit = Init.PYTORCH;

        private Builder(int inputs) {
            if (inputs <= 0) throw new IllegalArgumentException("a network needs at least one input");
            this.inputs = inputs;
        }

        private record LayerSpec(String type, int size, Object arg, boolean flag, Init wInit, Init bInit) {}

        private int currentSize() {
            int size = inputs;
            for (LayerSpec s : specs) if (s.type.equals("dense")) size = s.size;
            return size;
        }

        public Builder precision(Precision p) {
            this.precision = p;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Initialiser for the weights of dense layers added after this call (default {@code pytorch}). */
        public Builder weightInit(Init init) {
            this.weightInit = init;
            return this;
        }

        /** Initialiser for the biases of dense layers added after this call (default {@code pytorch}). */
        public Builder biasInit(Init init) {
            if (!init.validForBias()) {
                throw new IllegalArgumentException("bias initialiser must be normal, zero or pytorch, got " + init.id());
            }
            this.biasInit = init;
            return this;
        }

        public Builder dense(int outputs) {
            return dense(outputs, true);
        }

        public Builder dense(int outputs, boolean bias) {
            if (outputs <= 0) throw new IllegalArgumentException("dense layer size must be positive, got " + outputs);
            specs.add(new LayerSpec("dense", outputs, null, bias, weightInit, biasInit));
            return this;
        }

        public Builder activation(Activation a) {
            specs.add(new LayerSpec("activation", 0, a, false, null, null));
            return this;
        }

        public Builder activation(String id) {
            return activation(StandardActivation.forId(id));
        }

        public Builder sigmoid() {
            return activation(StandardActivation.SIGMOID);
        }

        public Builder tanh() {
            return activation(StandardActivation.TANH);
        }

        public Builder relu() {
            return activation(StandardActivation.RELU);
        }

        /** f(a·x [+ b]) with learnable per-unit slope (and shift). */
        public Builder adaptive(Activation a, boolean learnShift) {
            specs.add(new LayerSpec("adaptive", 0, a, learnShift, null, null));
            return this;
        }

        public Builder adaptiveSigmoid(boolean learnShift) {
            return adaptive(StandardActivation.SIGMOID, learnShift);
        }

        public Builder prelu() {
            specs.add(new LayerSpec("prelu", 0, null, false, null, null));
            return this;
        }

        public Builder batchNorm() {
            specs.add(new LayerSpec("batch-norm", 0, null, false, null, null));
            return this;
        }

        public Builder dropout(double p) {
            specs.add(new LayerSpec("dropout", 0, p, false, null, null));
            return this;
        }

        public Network build() {
            SplittableRandom root = new SplittableRandom(seed);
            List<Layer> layers = new ArrayList<>();
            int size = inputs;
            for (LayerSpec s : specs) {
                SplittableRandom rng = root.split();
                Layer l = switch (s.type) {
                    case "dense" -> {
                        Dense d = new Dense(precision, size, s.size, s.flag);
                        s.wInit.fill(d.weight(), rng, size, s.size);
                        if (d.hasBias()) s.bInit.fill(d.bias(), rng, size, s.size);
                        yield d;
                    }
                    case "activation" -> new ActivationLayer(precision, size, (Activation) s.arg);
                    case "adaptive" -> new AdaptiveActivation(precision, size, (Activation) s.arg, s.flag);
                    case "prelu" -> new PReLU(precision, size);
                    case "batch-norm" -> new BatchNorm(precision, size);
                    case "dropout" -> new Dropout(precision, size, (Double) s.arg, rng.nextLong());
                    default -> throw new AssertionError(s.type);
                };
                layers.add(l);
                size = l.outputSize();
            }
            return new Network(inputs, precision, layers);
        }
    }

    /** Rebuilds a network from layer configurations as written by {@link Layer#config()} plus type and sizes. */
    public static Network fromSpecs(int inputs, Precision precision, List<Map<String, Object>> specs) {
        List<Layer> layers = new ArrayList<>();
        int size = inputs;
        for (Map<String, Object> s : specs) {
            String type = String.valueOf(s.get("type"));
            int out = s.containsKey("out") ? ((Number) s.get("out")).intValue() : size;
            Layer l = switch (type) {
                case "dense" -> new Dense(precision, size, out, !Boolean.FALSE.equals(s.get("bias")));
                case "activation" -> new ActivationLayer(precision, size, StandardActivation.forId(String.valueOf(s.get("activation"))));
                case "adaptive" -> new AdaptiveActivation(precision, size,
                        StandardActivation.forId(String.valueOf(s.get("activation"))), Boolean.TRUE.equals(s.get("shift")));
                case "prelu" -> new PReLU(precision, size);
                case "batch-norm" -> new BatchNorm(precision, size,
                        ((Number) s.getOrDefault("eps", BatchNorm.DEFAULT_EPS)).doubleValue(),
                        ((Number) s.getOrDefault("momentum", BatchNorm.DEFAULT_MOMENTUM)).doubleValue());
                case "dropout" -> new Dropout(precision, size, ((Number) s.get("p")).doubleValue(), 0);
                default -> throw new IllegalArgumentException("unknown layer type '" + type + "'");
            };
            layers.add(l);
            size = l.outputSize();
        }
        return new Network(inputs, precision, layers);
    }

    /** Layer configurations (type, in, out and each layer's own settings), for model files. */
    public List<Map<String, Object>> specs() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Layer l : layers) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("type", l.type());
            s.put("in", l.inputSize());
            s.put("out", l.outputSize());
            s.putAll(l.config());
            out.add(s);
        }
        return out;
    }
}
