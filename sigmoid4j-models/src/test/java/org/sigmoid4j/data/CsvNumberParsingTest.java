package org.sigmoid4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sigmoid4j.testkit.SharedFiles;

/**
 * The reader's number parser (FastDoubleParser behind a decimal-syntax check) must give exactly
 * {@link Double#parseDouble} of the text, bit for bit, and reject what is not a finite decimal.
 */
class CsvNumberParsingTest {

    private static void same(String text) {
        double expected = Double.parseDouble(text);
        double actual = CsvReader.parseNumber(text);
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                () -> text + ": parseDouble " + expected + " vs reader " + actual);
    }

    @Test
    void hardCasesAreBitIdentical() {
        for (String s : List.of("0", "-0", "+0", "0.0", "-0.0", "1", "-1", "1.", ".5", "-.5", "+.5e-3",
                "4.9e-324", "2.4703282292062327e-324", "2.4703282292062328e-324", "1e-400", "-1e-400",
                "2.2250738585072011e-308", "2.2250738585072012e-308", "2.225073858507201136057409796709131975934819546351645648e-308",
                "1.7976931348623157e308", "1.7976931348623158e308", "9007199254740993", "9007199254740992.5",
                "1e23", "8.41e21", "5e-324", "0.1", "0.30000000000000004", "123456789012345678901234567890",
                "0.000000000000000000000000000000000000000000001", "1E5", "1e+5", "7.2057594037927933e16",
                "3.0540412E5", "4.35679388e-1", "1.00000000000000011102230246251565404236316680908203125",
                "1.00000000000000011102230246251565404236316680908203124", "1.00000000000000011102230246251565404236316680908203126")) {
            same(s);
        }
    }

    @Test
    void randomDoublesInManySpellings() {
        SplittableRandom r = new SplittableRandom(20261128);
        for (int i = 0; i < 100_000; i++) {
            double v = Double.longBitsToDouble(r.nextLong());
            if (!Double.isFinite(v)) {
                continue;
            }
            same(Double.toString(v));
            same(String.format(Locale.ROOT, "%.17g", v));
            same(String.format(Locale.ROOT, "%.25e", v));
            same(new BigDecimal(v).toPlainString().length() < 400 ? new BigDecimal(v).toPlainString() : Double.toString(v));
        }
        for (int i = 0; i < 100_000; i++) {
            // random digit strings of 1..40 digits with a random exponent: exercises halfway and long mantissas
            StringBuilder b = new StringBuilder();
            if (r.nextBoolean()) {
                b.append('-');
            }
            int digits = 1 + r.nextInt(40);
            int dot = r.nextInt(digits + 1);
            for (int k = 0; k < digits; k++) {
                if (k == dot) {
                    b.append('.');
                }
                b.append((char) ('0' + r.nextInt(10)));
            }
            b.append('e').append(r.nextInt(-340, 310));
            same(b.toString());
        }
    }

    @Test
    void everyValueOfSpambase() throws IOException {
        List<String> lines = Files.readAllLines(SharedFiles.resolve("data/spambase.csv"));
        long n = 0;
        for (String line : lines.subList(1, lines.size())) {
            for (String cell : line.split(",")) {
                same(cell);
                n++;
            }
        }
        assertEquals(4601L * 58, n);
    }

    @Test
    void rejectsWhatIsNotAFiniteDecimal() {
        for (String s : List.of("", " ", "abc", "1d", "1f", "0x1p3", "NaN", "nan", "Infinity", "-Infinity", "inf", "1,5",
                "1e", "e5", "--1", "1.2.3", "1e5.5", ".", "+", "-", "1 2")) {
            assertTrue(Double.isNaN(CsvReader.parseNumber(s)), () -> "accepted '" + s + "'");
        }
        assertTrue(Double.isInfinite(CsvReader.parseNumber("1e999")));
        assertEquals(1.5, CsvReader.parseNumber(" 1.5\t"));
    }
}
