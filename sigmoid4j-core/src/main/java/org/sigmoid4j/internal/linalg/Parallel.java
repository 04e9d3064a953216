package org.sigmoid4j.internal.linalg;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Splits an index range [0, count) into contiguous chunks run on a shared pool of daemon threads
 * (the caller runs the first chunk). Which thread runs a chunk never changes what is computed,
 * so callers whose chunks write disjoint outputs stay bit-identical whatever the thread count.
 */
final class Parallel {

    /** Below this many multiply-adds per call, threads cost more than they save. */
    private static final long MIN_WORK = 1L << 17;

    interface Range {
        void run(int from, int to);
    }

    private static final class PoolHolder {
        static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sigmoid4j-gemm");
            t.setDaemon(true);
            return t;
        });
    }

    private Parallel() {}

    static void run(int threads, int count, long work, Range body) {
        int t = Math.min(threads, count);
        if (t <= 1 || work < MIN_WORK) {
            body.run(0, count);
            return;
        }
        @SuppressWarnings("unchecked")
        Future<?>[] futures = new Future<?>[t - 1];
        for (int w = 1; w < t; w++) {
            int from = (int) ((long) count * w / t), to = (int) ((long) count * (w + 1) / t);
            futures[w - 1] = PoolHolder.POOL.submit(() -> body.run(from, to));
        }
        body.run(0, (int) ((long) count / t));
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted during a matrix product", e);
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) throw re;
                if (cause instanceof Error err) throw err;
                throw new IllegalStateException(cause);
            }
        }
    }
}
