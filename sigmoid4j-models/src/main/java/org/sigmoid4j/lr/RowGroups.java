package org.sigmoid4j.lr;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The deterministic parallel scheme behind every full-data pass (loss, gradient, Hessian).
 *
 * <p>The rows are split into {@link #count()} contiguous groups whose number depends only on the
 * number of rows and parameters, never on the thread count. Each group is processed by one thread,
 * start to finish, into its own partial sums; the caller then adds the partials in group order.
 * So the floating-point operations and their order are the same whatever the thread count, and the
 * results are bit-identical with 1, 2 or 64 threads.
 */
final class RowGroups implements AutoCloseable {

    /** Upper bound on the number of groups (enough to balance load on many cores). */
    static final int MAX_GROUPS = 64;
    /** A group holds at least this many rows (below that, threading costs more than it saves). */
    static final int MIN_ROWS_PER_GROUP = 2048;
    /** Budget for per-group partial Hessians. */
    private static final long HESSIAN_BUDGET_BYTES = 96L << 20;

    private final int n;
    private final int groups;
    private final int threads;
    private final ExecutorService pool;

    RowGroups(int n, int numParams, int threads) {
        this.n = n;
        long byRows = Math.max(1, (n + (long) MIN_ROWS_PER_GROUP - 1) / MIN_ROWS_PER_GROUP);
        long byMemory = Math.max(1, HESSIAN_BUDGET_BYTES / (8L * numParams * numParams));
        this.groups = (int) Math.max(1, Math.min(MAX_GROUPS, Math.min(byRows, byMemory)));
        this.threads = Math.max(1, Math.min(threads, groups));
        this.pool = this.threads > 1
                ? Executors.newFixedThreadPool(this.threads - 1, r -> {
                    Thread t = new Thread(r, "sigmoid4j-lr");
                    t.setDaemon(true);
                    return t;
                })
                : null;
    }

    int count() {
        return groups;
    }

    int threads() {
        return threads;
    }

    /** First row of group {@code g} (the last group ends at {@code n}). */
    int start(int g) {
        return (int) ((long) n * g / groups);
    }

    int end(int g) {
        return (int) ((long) n * (g + 1) / groups);
    }

    /** Runs {@code task} for every group, on all threads; returns when all are done. */
    void forEach(IntConsumer task) {
        if (pool == null) {
            for (int g = 0; g < groups; g++) {
                task.accept(g);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int g; (g = next.getAndIncrement()) < groups; ) {
                task.accept(g);
            }
        };
        List<Future<?>> futures = new ArrayList<>(threads - 1);
        for (int t = 0; t < threads - 1; t++) {
            futures.add(pool.submit(worker));
        }
        RuntimeException failure = null;
        try {
            worker.run();
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** A pass over the rows [from, to): returns its loss, adds its gradient and Hessian into gp, hp. */
    @FunctionalInterface
    interface Pass {
        double run(int from, int to, double[] gp, double[] hp);
    }

    /**
     * Runs {@code pass} on every group (on all threads, each into its own partial arrays) and adds
     * the partial results in group order, so the sums do not depend on the thread count. Returns
     * the summed loss; overwrites {@code grad} (when not null) with the summed gradient and the
     * upper triangle of {@code hess} (dim × dim, when not null) with the summed Hessian.
     */
    double sumPasses(int dim, double[] grad, double[] hess, Pass pass) {
        final double[] lossPart = new double[groups];
        final double[][] gradPart = grad != null ? new double[groups][] : null;
        final double[][] hessPart = hess != null ? new double[groups][] : null;
        forEach(g -> {
            double[] gp = grad != null ? new double[dim] : null;
            double[] hp = hess != null ? new double[dim * dim] : null;
            lossPart[g] = pass.run(start(g), end(g), gp, hp);
            if (gp != null) {
                gradPart[g] = gp;
            }
            if (hp != null) {
                hessPart[g] = hp;
            }
        });
        double loss = 0;
        for (int g = 0; g < groups; g++) {
            loss += lossPart[g];
        }
        if (grad != null) {
            java.util.Arrays.fill(grad, 0);
            for (int g = 0; g < groups; g++) {
                double[] gp = gradPart[g];
                for (int j = 0; j < dim; j++) {
                    grad[j] += gp[j];
                }
            }
        }
        if (hess != null) {
            java.util.Arrays.fill(hess, 0);
            for (int g = 0; g < groups; g++) {
                double[] hp = hessPart[g];
                for (int i = 0; i < dim; i++) {
                    for (int j = i; j < dim; j++) {
                        hess[i * dim + j] += hp[i * dim + j];
                    }
                }
            }
        }
        return loss;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
