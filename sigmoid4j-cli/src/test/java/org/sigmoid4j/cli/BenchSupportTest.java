package org.sigmoid4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The shared child-process / temp-folder / median support of the bench commands, on a real python3. */
class BenchSupportTest {

    private static void assumePython() {
        assumeTrue(BenchSupport.available(BenchSupport.PYTHON), BenchSupport.PYTHON + " is not installed");
    }

    @Test
    void runsAChildAndStreamsItsStdoutLines() throws Exception {
        assumePython();
        List<String> lines = new ArrayList<>();
        BenchSupport.Outcome o = BenchSupport.run(new ProcessBuilder(BenchSupport.PYTHON, "-c",
                "import sys\nprint(6 * 7)\nprint('x' * 3, sys.argv[1])", "arg"), 1, TimeUnit.MINUTES, lines::add, null);
        assertTrue(o.ok(), o.stderr());
        assertEquals(0, o.exitCode());
        assertEquals(List.of("42", "xxx arg"), lines);
        assertEquals("", o.stderr());
    }

    @Test
    void oneThreadEnvironmentReachesTheChild() throws Exception {
        assumePython();
        ProcessBuilder pb = new ProcessBuilder(BenchSupport.PYTHON, "-c",
                "import os\nprint(os.environ.get('OMP_NUM_THREADS'), os.environ.get('MKL_NUM_THREADS'), "
                        + "'OPENBLAS_CORETYPE' in os.environ, 'OPENBLAS_L2_SIZE' in os.environ)");
        pb.environment().put("OMP_NUM_THREADS", "8");
        pb.environment().put("OPENBLAS_CORETYPE", "Haswell");
        pb.environment().put("OPENBLAS_L2_SIZE", "1048576");
        BenchSupport.oneThread(pb.environment());
        List<String> lines = new ArrayList<>();
        assertTrue(BenchSupport.run(pb, 1, TimeUnit.MINUTES, lines::add, null).ok());
        assertEquals(List.of("1 1 False False"), lines);
    }

    @Test
    void aFailingScriptGivesItsExitCodeAndException() throws Exception {
        assumePython();
        List<String> lines = new ArrayList<>();
        BenchSupport.Outcome o = BenchSupport.run(new ProcessBuilder(BenchSupport.PYTHON, "-c",
                "print('before')\nimport sys\nsys.stdout.flush()\nraise ValueError('bad input 17')"), 1, TimeUnit.MINUTES, lines::add, null);
        assertFalse(o.ok());
        assertFalse(o.timedOut());
        assertEquals(1, o.exitCode());
        assertEquals(List.of("before"), lines);
        assertEquals("ValueError: bad input 17", o.reason());
        assertTrue(o.stderr().startsWith("Traceback"), o.stderr());
    }

    @Test
    void aMissingModuleIsRecognised() throws Exception {
        assumePython();
        BenchSupport.Outcome o = BenchSupport.run(new ProcessBuilder(BenchSupport.PYTHON, "-c",
                "import sigmoid4j_no_such_module_xyz"), 1, TimeUnit.MINUTES, l -> {}, null);
        assertFalse(o.ok());
        assertTrue(o.missingModule("sigmoid4j_no_such_module_xyz"), o.stderr());
        assertFalse(o.missingModule("numpy"));
    }

    @Test
    void aChildThatOutlivesTheLimitIsKilled() throws Exception {
        assumePython();
        List<Process> started = new ArrayList<>();
        long t0 = System.nanoTime();
        // closes its stdout at once, then sleeps: the wait, not the read, must time out
        BenchSupport.Outcome o = BenchSupport.run(new ProcessBuilder(BenchSupport.PYTHON, "-c",
                "import os, time\nos.close(1)\ntime.sleep(60)"), 300, TimeUnit.MILLISECONDS, l -> {}, started::add);
        assertTrue(o.timedOut());
        assertFalse(o.ok());
        assertEquals("did not finish in time", o.reason());
        assertTrue((System.nanoTime() - t0) / 1e9 < 30);
        assertEquals(1, started.size());
        assertTrue(started.get(0).waitFor(10, TimeUnit.SECONDS), "killed");
    }

    @Test
    void anAbsentInterpreterIsNotAvailable() {
        assertFalse(BenchSupport.available("/nonexistent/python3"));
    }

    @Test
    void tempDirIsDeletedWithItsContents() throws Exception {
        Path p;
        try (BenchSupport.TempDir dir = BenchSupport.TempDir.create("sigmoid4j-bench-test")) {
            p = dir.path();
            Files.createDirectories(dir.resolve("sub"));
            Files.write(dir.resolve("sub/data.bin"), new byte[] {1, 2, 3});
            Files.writeString(dir.resolve("a.py"), "print(1)");
            assertTrue(Files.isDirectory(p));
        }
        assertFalse(Files.exists(p));
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(3.0, BenchSupport.median(new double[] {5, 1, 3}));
        assertEquals(2.5, BenchSupport.median(new double[] {4, 1, 3, 2}));
        assertEquals(2.5, BenchSupport.median(List.of(4.0, 1.0, 3.0, 2.0)));
        double[] v = {9, 7, 8};
        BenchSupport.median(v);
        assertEquals(9.0, v[0], "the input is not sorted in place");
    }

    @Test
    void lastLineOfText() {
        assertEquals("c", BenchSupport.lastLine("a\nb\nc\n\n"));
        assertEquals("", BenchSupport.lastLine("  \n"));
        assertEquals("x", BenchSupport.lastLine("x"));
    }
}
