package dev.ferrule.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class SiteReportTest {

    private static final Path RESULTS = Path.of("src/test/resources/results");

    @TempDir
    Path site;

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    @Test
    void theCallChartHasOneBarPerMeasurementOnALogAxis() throws Exception {
        String svg = Charts.callOverhead(Results.readCallOverhead(RESULTS.resolve("call-overhead.json")));
        Document doc = parse(svg);
        // Five measurements plus three legend swatches plus the background.
        assertThat(doc.getElementsByTagName("rect").getLength()).isEqualTo(5 + 3 + 1);
        assertThat(svg).contains("<title>noop via jna-direct: 400.00 ± 20.00 ns/op (40.00x raw FFM)</title>")
                .contains(">1</text>").contains(">10</text>").contains(">100</text>").contains(">1,000</text>");
        assertThat(Charts.callOverhead(Results.readCallOverhead(RESULTS.resolve("call-overhead.json"))))
                .as("same data, same bytes").isEqualTo(svg);
    }

    @Test
    void theScalingChartHasALinePerGoal() throws Exception {
        String svg = Charts.buildScaling(Results.readBuildCosts(RESULTS.resolve("build-costs.json")));
        Document doc = parse(svg);
        assertThat(doc.getElementsByTagName("polyline").getLength()).isEqualTo(2);
        assertThat(doc.getElementsByTagName("circle").getLength()).isEqualTo(4);
        assertThat(svg).contains("<title>generate, 1,000 functions: 9.00 s</title>");
    }

    @Test
    void thePageTabulatesEveryNumberAndFlagsMissedTargets() throws IOException {
        SiteReport.write(RESULTS, site);

        String page = Files.readString(site.resolve("markdown/benchmarks.md"));
        assertThat(page).contains("| function | raw-ffm | ferrule-safe | jna-direct |")
                .contains("| noop | 10.0 ± 0.5 (1.00x) | 11.0 ± 0.4 (1.10x) | 400.0 ± 20.0 (40.00x) |")
                .contains("| add | 12.0 ± 0.3 (1.00x) | 24.0 ± 1.0 (2.00x) | – |")
                .contains("| safe within 1.5x of raw FFM (add) | 2.00 | 1.50 | **no** |")
                .contains("| safe within 1.5x of raw FFM (noop) | 1.10 | 1.50 | yes |")
                .contains("| `cargo build --release` | 0.10 | 0.09 | 5 |")
                .contains("| 1,000 | 100 | generate | 9.00 | 150 |")
                .contains("Measured 2026-11-26T17:30:00Z (full mode) on Linux 6.1 amd64, 2 CPUs (Test CPU)");
        assertThat(site.resolve("resources/images/benchmarks/call-overhead.svg")).isRegularFile();
        assertThat(site.resolve("resources/images/benchmarks/build-scaling.svg")).isRegularFile();
    }

    @Test
    void noResultsAtAllIsAnError() {
        assertThatThrownBy(() -> SiteReport.write(site.resolve("empty"), site))
                .hasMessageContaining("run bench/run.sh first");
    }
}
