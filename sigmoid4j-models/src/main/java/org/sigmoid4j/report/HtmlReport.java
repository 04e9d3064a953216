package org.sigmoid4j.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;

/**
 * A single self-contained HTML report: inline CSS and SVG, no external scripts, fonts, images or
 * network access. It reads on a laptop and on a phone (fluid layout, charts scale to the width,
 * wide tables scroll sideways), and puts the verdict at the top.
 *
 * <p>One tiny inline script (no library) runs after loading: it counts the drawn marks of every
 * chart (non-empty {@code class="mark"} elements), collects script errors, and writes both as JSON
 * into the hidden element {@code #render-check}. The browser test reads that element; users never
 * see it, and the report reads the same with scripts disabled.
 */
public final class HtmlReport {

    /** How serious the verdict is; drives its colour. */
    public enum Level { OK, WARNING, PROBLEM }

    private final String title;
    private final StringBuilder body = new StringBuilder(16384);
    private String verdictHtml = "";
    private int charts;
    private final java.util.List<String> svgs = new java.util.ArrayList<>();

    private HtmlReport(String title) {
        this.title = Objects.requireNonNull(title, "title");
    }

    public static HtmlReport titled(String title) {
        return new HtmlReport(title);
    }

    /** The verdict box at the top of the page: a headline and plain-words findings. */
    public HtmlReport verdict(Level level, String headline, List<String> findings) {
        StringBuilder v = new StringBuilder();
        v.append("<section class=\"verdict ").append(level.name().toLowerCase(java.util.Locale.ROOT)).append("\" id=\"verdict\">\n<h2>Verdict</h2>\n<p class=\"headline\">")
                .append(Svg.esc(headline)).append("</p>\n");
        if (!findings.isEmpty()) {
            v.append("<ul>\n");
            for (String f : findings) v.append("<li>").append(Svg.esc(f)).append("</li>\n");
            v.append("</ul>\n");
        }
        v.append("</section>\n");
        verdictHtml = v.toString();
        return this;
    }

    public HtmlReport heading(String text) {
        body.append("<h2>").append(Svg.esc(text)).append("</h2>\n");
        return this;
    }

    public HtmlReport subheading(String text) {
        body.append("<h3>").append(Svg.esc(text)).append("</h3>\n");
        return this;
    }

    public HtmlReport paragraph(String text) {
        body.append("<p>").append(Svg.esc(text)).append("</p>\n");
        return this;
    }

    /** Key/value facts (configuration, provenance) as a compact definition list. */
    public HtmlReport facts(List<String[]> keyValues) {
        body.append("<dl class=\"facts\">\n");
        for (String[] kv : keyValues) {
            body.append("<dt>").append(Svg.esc(kv[0])).append("</dt><dd>").append(Svg.esc(kv[1])).append("</dd>\n");
        }
        body.append("</dl>\n");
        return this;
    }

    /** One chart (an SVG from {@link LineChart} or {@link Histogram}) at full width. */
    public HtmlReport chart(String svg) {
        charts++;
        svgs.add(svg);
        body.append("<figure class=\"chart-box\">\n").append(svg).append("</figure>\n");
        return this;
    }

    /** Several charts side by side on wide screens, stacked on narrow ones. */
    public HtmlReport chartGrid(List<String> svgs) {
        return grid("grid", svgs);
    }

    /** Like {@link #chartGrid} for small charts (histograms): more per row. */
    public HtmlReport smallChartGrid(List<String> svgs) {
        return grid("grid small", svgs);
    }

    private HtmlReport grid(String cssClass, List<String> svgs) {
        body.append("<div class=\"").append(cssClass).append("\">\n");
        for (String s : svgs) {
            charts++;
            this.svgs.add(s);
            body.append("<figure class=\"chart-box\">\n").append(s).append("</figure>\n");
        }
        body.append("</div>\n");
        return this;
    }

    /** A table; numeric-looking cells are right-aligned. */
    public HtmlReport table(List<String> header, List<List<String>> rows) {
        body.append("<div class=\"table\"><table>\n<thead><tr>");
        for (String h : header) body.append("<th>").append(Svg.esc(h)).append("</th>");
        body.append("</tr></thead>\n<tbody>\n");
        for (List<String> r : rows) {
            body.append("<tr>");
            for (String cell : r) {
                boolean num = NUMERIC.matcher(cell.strip()).matches();
                body.append(num ? "<td class=\"n\">" : "<td>").append(Svg.esc(cell)).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</tbody></table></div>\n");
        return this;
    }

    /** Starts a collapsible section (HTML {@code <details>}, no script needed); close it with {@link #endDetails()}. */
    public HtmlReport beginDetails(String summary) {
        body.append("<details>\n<summary>").append(Svg.esc(summary)).append("</summary>\n");
        return this;
    }

    public HtmlReport endDetails() {
        body.append("</details>\n");
        return this;
    }

    /** A paragraph in the verdict colours, for one run's verdict inside a longer report. */
    public HtmlReport note(Level level, String text) {
        body.append("<p class=\"note ").append(level.name().toLowerCase(java.util.Locale.ROOT)).append("\">").append(Svg.esc(text)).append("</p>\n");
        return this;
    }

    private static final java.util.regex.Pattern NUMERIC =
            java.util.regex.Pattern.compile("[−+-]?[0-9][0-9.,]*([eE][−+-]?[0-9]+)?[×%]?|n/a|[0-9.e−+-]+( / [0-9.e−+-]+)+");

    /**
     * Writes every chart as a standalone SVG file ({@code 01-title.svg}, ...) into an existing
     * directory, for use outside the report (slides, papers). Returns the files written.
     */
    public java.util.List<Path> writeSvgs(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) throw new IOException(dir + " is not a directory");
        java.util.List<Path> out = new java.util.ArrayList<>();
        java.util.Set<String> used = new java.util.HashSet<>();
        for (int i = 0; i < svgs.size(); i++) {
            String svg = svgs.get(i);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("<title>(.*?)</title>").matcher(svg);
            String slug = m.find() ? m.group(1).toLowerCase(java.util.Locale.ROOT).replaceAll("&[a-z]+;|&#[0-9]+;", "")
                    .replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "") : "chart";
            if (slug.length() > 60) slug = slug.substring(0, 60).replaceAll("-$", "");
            String name = String.format(java.util.Locale.ROOT, "%03d-%s.svg", i + 1, slug.isEmpty() ? "chart" : slug);
            if (!used.add(name)) continue;
            Path f = dir.resolve(name);
            Files.writeString(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg.replace(" width=\"100%\"", " width=\"" + widthOf(svg) + "\""),
                    StandardCharsets.UTF_8);
            out.add(f);
        }
        return out;
    }

    /** The viewBox width, as the standalone file's pixel width. */
    private static String widthOf(String svg) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("viewBox=\"0 0 ([0-9.]+) ").matcher(svg);
        return m.find() ? m.group(1) : "480";
    }

    public int chartCount() {
        return charts;
    }

    public String toHtml() {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
                + "<title>" + Svg.esc(title) + "</title>\n<style>\n" + CSS + "</style>\n<script>\n" + CHECK_SCRIPT + "</script>\n</head>\n<body>\n<main>\n"
                + "<h1>" + Svg.esc(title) + "</h1>\n" + verdictHtml + body
                + "<pre id=\"render-check\" hidden></pre>\n</main>\n</body>\n</html>\n";
    }

    /** Writes the report atomically (a temporary file in the same directory, then a rename). */
    public Path write(Path out) throws IOException {
        Path abs = out.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException("the directory of " + out + " does not exist");
        }
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, toHtml(), StandardCharsets.UTF_8);
            try { // createTempFile makes it owner-only; a report is meant to be shared
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return abs;
    }

    static final String CSS = """
            :root{color-scheme:light;--fg:#1d1d1f;--muted:#5f6368;--line:#e3e3e3}
            *{box-sizing:border-box}
            body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:var(--fg);background:#fff;line-height:1.45;font-size:16px}
            main{max-width:1000px;margin:0 auto;padding:12px 16px 40px}
            h1{font-size:1.5rem;margin:.4em 0 .6em}
            h2{font-size:1.2rem;margin:1.6em 0 .5em;border-bottom:1px solid var(--line);padding-bottom:.2em}
            h3{font-size:1.02rem;margin:1.2em 0 .4em}
            .verdict{border-left:6px solid #0072B2;background:#eef5fb;padding:.6em 1em;border-radius:4px}
            .verdict.ok{border-color:#009E73;background:#ecf8f3}
            .verdict.warning{border-color:#E69F00;background:#fdf6e7}
            .verdict.problem{border-color:#D55E00;background:#fbefe8}
            .verdict h2{border:0;margin:.2em 0;font-size:1rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
            .verdict .headline{font-size:1.1rem;font-weight:600;margin:.3em 0}
            .verdict ul{margin:.3em 0;padding-left:1.2em}
            .note{border-left:4px solid #0072B2;padding:.3em .7em;background:#f4f8fb}
            .note.ok{border-color:#009E73}.note.warning{border-color:#E69F00}.note.problem{border-color:#D55E00}
            details{border:1px solid var(--line);border-radius:4px;padding:.3em .8em;margin:.6em 0}
            summary{cursor:pointer;font-weight:600;padding:.2em 0}
            figure{margin:0}
            .chart-box{margin:.6em 0;padding:4px;border:1px solid var(--line);border-radius:4px;background:#fff}
            .chart-box svg{display:block;height:auto}
            .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(400px,1fr));gap:10px}
            .grid.small{grid-template-columns:repeat(auto-fit,minmax(260px,1fr))}
            @media (max-width:440px){.grid{grid-template-columns:1fr}}
            .table{overflow-x:auto;-webkit-overflow-scrolling:touch}
            table{border-collapse:collapse;font-size:.9rem;min-width:50%}
            th,td{padding:.25em .6em;border-bottom:1px solid var(--line);text-align:left;white-space:nowrap}
            td.n{text-align:right;font-variant-numeric:tabular-nums}
            th{background:#f6f6f6}
            dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.15em 1em;font-size:.92rem}
            dl.facts dt{color:var(--muted)}
            dl.facts dd{margin:0;overflow-wrap:anywhere}
            @media (max-width:560px){body{font-size:15px}main{padding:8px 10px 30px}h1{font-size:1.25rem}}
            """;

    /** Counts drawn marks per chart and collects script errors into #render-check (read by the browser test). */
    static final String CHECK_SCRIPT = """
            (function () {
              var errors = [];
              window.addEventListener('error', function (e) { errors.push(String(e.message || e)); });
              var original = console.error;
              console.error = function () { errors.push(Array.prototype.join.call(arguments, ' ')); return original.apply(console, arguments); };
              document.addEventListener('DOMContentLoaded', function () {
                if (location.hash === '#render-check') { // the browser test opens collapsed sections to measure them
                  var d = document.querySelectorAll('details');
                  for (var k = 0; k < d.length; k++) d[k].open = true;
                }
                var charts = document.querySelectorAll('svg.chart'), marks = [];
                for (var i = 0; i < charts.length; i++) {
                  var drawn = 0, m = charts[i].querySelectorAll('.mark');
                  for (var j = 0; j < m.length; j++) {
                    var b = m[j].getBBox();
                    if (b.width > 0 || b.height > 0) drawn++;
                  }
                  charts[i].setAttribute('data-drawn', drawn);
                  marks.push(drawn);
                }
                document.getElementById('render-check').textContent =
                    JSON.stringify({charts: charts.length, marks: marks, errors: errors});
              });
            })();
            """;
}
