package org.sigmoid4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.sigmoid4j.model.io.TrainedModel;
import org.sigmoid4j.report.ModelReport;

/** The HTML report {@code train} writes beside its model, and {@code report MODEL} writes on demand. */
final class RunReport {
    private RunReport() {}

    /** {@code model.s4j} → {@code model.html} in the same directory. */
    static Path besideModel(Path model) {
        String name = model.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return model.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".html");
    }

    /** Writes the report atomically and returns its absolute path. */
    static Path write(TrainedModel model, Path modelFile, Path html) throws IOException {
        return ModelReport.of(model, modelFile.getFileName().toString()).write(html);
    }
}
