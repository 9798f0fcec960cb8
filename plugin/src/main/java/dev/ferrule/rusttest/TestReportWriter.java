package dev.ferrule.rusttest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", prefix);
            for (Map.Entry<String, List<RustTestCase>> suite : suites.entrySet()) {
                List<RustTestCase> tests = suite.getValue();
                String suiteName = prefix + "." + suite.getKey().replace(' ', '.');
                xml.writeCharacters("\n  ");
                xml.writeStartElement("testsuite");
                xml.writeAttribute("name", suiteName);
                xml.writeAttribute("tests", String.valueOf(tests.size()));
                xml.writeAttribute("failures", String.valueOf(tests.stream()
                        .filter(t -> t.status() == RustTestCase.Status.FAILED).count()));
                xml.writeAttribute("errors", String.valueOf(tests.stream()
                        .filter(t -> t.status() == RustTestCase.Status.CRASHED).count()));
                xml.writeAttribute("skipped", String.valueOf(tests.stream()
                        .filter(t -> t.status() == RustTestCase.Status.IGNORED).count()));
                for (RustTestCase test : tests) {
                    xml.writeCharacters("\n    ");
                    xml.writeStartElement("testcase");
                    xml.writeAttribute("classname", suiteName);
                    xml.writeAttribute("name", test.name());
                    xml.writeAttribute("time", "0");
                    switch (test.status()) {
                        case FAILED -> element(xml, "failure", "test failed", test.output());
                        case CRASHED -> element(xml, "error", "the test binary crashed during this test",
                                test.output());
                        case IGNORED -> {
                            xml.writeEmptyElement("skipped");
                        }
                        case PASSED -> {
                        }
                    }
                    xml.writeEndElement();
                }
                xml.writeCharacters("\n  ");
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter xml, String name, String message, String text)
            throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeAttribute("message", message);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
