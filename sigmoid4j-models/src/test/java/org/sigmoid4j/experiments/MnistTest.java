package org.sigmoid4j.experiments;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.sigmoid4j.testkit.SharedFiles;

class MnistTest {

    @Test
    void loadsTheSplitWithTheReadmeCounts() throws Exception {
        Path data = SharedFiles.resolve("data/mnist-10k.csv.gz");
        Mnist m = Mnist.load(data, Mnist.splitBeside(data));
        assertEquals(8000, m.trainRows());
        assertEquals(2000, m.testRows());
        int[] counts = new int[10];
        for (int y : m.trainY()) counts[y]++;
        for (int y : m.testY()) counts[y]++;
        // README: class counts 1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978
        assertArrayEquals(new int[] {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978}, counts);
        double max = 0;
        for (double v : m.trainX()) max = Math.max(max, v);
        assertEquals(1.0, max);
    }
}
