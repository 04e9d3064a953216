package org.sigmoid4j.model.io;

import java.util.Map;
import org.sigmoid4j.Sigmoid4j;
import org.sigmoid4j.kernel.Kernels;

/**
 * Where a model came from: enough to reproduce it and to trust it.
 *
 * @param library sigmoid4j version that trained it
 * @param jdk {@code java.runtime.version} and vendor
 * @param kernels the active kernel implementation ({@code Kernels.info().describe()})
 * @param training the training configuration (JSON-able: model kind options, solver, penalty, split...)
 * @param seed the seed of every random choice (split, shuffling, initialisation)
 * @param dataSource the training data's file name (without directories, so the file stays reproducible)
 * @param dataSha256 SHA-256 of the training file's bytes (what {@code sha256sum} prints)
 * @param dataRows rows of the data file that were used (after {@code --drop-invalid})
 * @param trainRows rows the model was fitted on (after the held-out split)
 * @param finalLoss the final training loss (objective), or NaN if the kind has none
 * @param createdAt wall-clock time, only when asked for ({@code null} keeps files reproducible)
 */
public record Provenance(
        String library,
        String jdk,
        String kernels,
        Map<String, Object> training,
        long seed,
        String dataSource,
        String dataSha256,
        long dataRows,
        long trainRows,
        double finalLoss,
        String createdAt) {

    public Provenance {
        training = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(training));
    }

    /** The library, JDK and kernel of this process. */
    public static Provenance current(Map<String, Object> training, long seed, String dataSource, String dataSha256,
                                     long dataRows, long trainRows, double finalLoss, String createdAt) {
        return new Provenance(Sigmoid4j.version(),
                System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + ")",
                Kernels.info().describe(), training, seed, dataSource, dataSha256, dataRows, trainRows, finalLoss, createdAt);
    }
}
