package org.sigmoid4j.report;

import static org.junit.jupiter.api.Assertions.*;

import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class ChartTest {

    static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    @Test
    void lineChartIsWellFormedWithOneMarkPerSeriesAndALegend() throws Exception {
        double[] x = {1, 2, 3, 4};
        String svg = LineChart.titled("t <&> \"q\"").xLabel("epoch").yLabel("norm").logY()
                .series("a", x, new double[] {1e-4, 1e-3, 1e-2, 1e-1})
                .series("b", x, new double[] {1, Double.NaN, 0, 2}) // NaN and 0 are skipped on a log axis
                .toSvg();
        Document d = parse(svg);
        assertEquals(2, d.getElementsByTagName("path").getLength() - 1); // two series + the axis path
        assertTrue(svg.contains("class=\"legend\""));
        // Decades 10^-4 .. 10^0 label the log axis.
        assertTrue(svg.contains("\u22124</tspan>"), svg);
        // b breaks at NaN and 0: two separate sub-paths.
        String b = svg.substring(svg.indexOf("data-series=\"b\""));
        b = b.substring(0, b.indexOf("/>"));
        assertEquals(2, b.chars().filter(c -> c == 'M').count(), b);
    }

    @Test
    void linearTicksAreNice() {
        double[] t = Svg.niceTicks(0.03, 0.97, 5);
        assertEquals(0.0, t[0], 1e-12);
        assertEquals(0.2, t[1], 1e-12);
        assertEquals(6, (int) t[2]);
        assertEquals("0.4", Svg.tickLabel(0.4, 0.2));
        assertEquals("500", Svg.tickLabel(500, 100));
    }

    @Test
    void mapsValuesIntoThePlotArea() throws Exception {
        // One series y = x on [0, 10]: first point at the bottom-left corner, last at the top-right.
        String svg = LineChart.titled("id").series("y=x", new double[] {0, 10}, new double[] {0, 10}).toSvg();
        String d = svg.substring(svg.indexOf("<path class=\"mark\""));
        d = d.substring(d.indexOf(" d=\"") + 4, d.indexOf("\"/>"));
        assertEquals("M58 256L468 30", d);
    }

    @Test
    void histogramBinsAndDrawsNonEmptyBars() throws Exception {
        Histogram h = Histogram.binned("h", new double[] {0.05, 0.15, 0.15, 0.95, 2.0, Double.NaN}, 0, 1, 10);
        String svg = h.toSvg();
        parse(svg);
        assertEquals(3, svg.split("class=\"mark\"", -1).length - 1); // bins 0, 1 and 9 (2.0 clamps into the last bin)
        assertThrows(IllegalArgumentException.class, () -> Histogram.of("x", new double[] {0, 1}, new long[] {1, 2}));
    }

    @Test
    void emptyChartSaysNoData() throws Exception {
        String svg = LineChart.titled("nothing").logY().series("z", new double[] {1}, new double[] {0}).toSvg();
        parse(svg);
        assertTrue(svg.contains("no data"));
    }
}
