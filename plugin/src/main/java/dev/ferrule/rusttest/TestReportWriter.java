package dev.ferrule.rusttest;

import dev.ferrule.report.JUnitXml;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Rust test results as Surefire-style JUnit XML, one {@code testsuite} per test binary, so that
 * one report shows the Rust and the Java tests of a module together.
 */
final class TestReportWriter {

    private TestReportWriter() {
    }

    static byte[] write(String prefix, List<RustTestCase> cases) {
        Map<String, List<RustTestCase>> suites = new LinkedHashMap<>();
        cases.forEach(c -> suites.computeIfAbsent(c.suite(), s -> new java.util.ArrayList<>()).add(c));
        return JUnitXml.document(prefix, xml -> {
            for (Map.Entry<String, List<RustTestCase>> suite : suites.entrySet()) {
                List<RustTestCase> tests = suite.getValue();
                String suiteName = prefix + "." + suite.getKey().replace(' ', '.');
                JUnitXml.startSuite(xml, suiteName, tests.size(), count(tests, RustTestCase.Status.FAILED),
                        count(tests, RustTestCase.Status.CRASHED), count(tests, RustTestCase.Status.IGNORED));
                for (RustTestCase test : tests) {
                    JUnitXml.startCase(xml, suiteName, test.name());
                    switch (test.status()) {
                        case FAILED -> element(xml, "failure", "test failed", test.output());
                        case CRASHED -> element(xml, "error", "the test binary crashed during this test",
                                test.output());
                        case IGNORED -> xml.writeEmptyElement("skipped");
                        case PASSED -> {
                        }
                    }
                    xml.writeEndElement();
                }
                JUnitXml.endSuite(xml);
            }
        });
    }

    private static long count(List<RustTestCase> tests, RustTestCase.Status status) {
        return tests.stream().filter(t -> t.status() == status).count();
    }

    private static void element(XMLStreamWriter xml, String name, String message, String text)
            throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeAttribute("message", message);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
