package dev.ferrule.report;

import java.io.ByteArrayOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The frame every JUnit XML file Ferrule writes shares: a {@code testsuites} root and
 * {@code testsuite} elements with their counts, indented the same way, so that the check-abi
 * report and the Rust test report look alike to CI systems.
 */
public final class JUnitXml {

    private JUnitXml() {
    }

    /** Writes the suites inside the root element. */
    @FunctionalInterface
    public interface Suites {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    /** A UTF-8 document: {@code <testsuites name="...">}, then whatever {@code suites} writes. */
    public static byte[] document(String name, Suites suites) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", name);
            suites.write(xml);
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

    /** Opens a {@code testsuite}; the caller writes its test cases, then {@link #endSuite}. */
    public static void startSuite(XMLStreamWriter xml, String name, long tests, long failures, long errors,
            long skipped) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", name);
        xml.writeAttribute("tests", String.valueOf(tests));
        xml.writeAttribute("failures", String.valueOf(failures));
        xml.writeAttribute("errors", String.valueOf(errors));
        xml.writeAttribute("skipped", String.valueOf(skipped));
    }

    public static void endSuite(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    /** Opens a {@code testcase} on its own line; the caller adds any outcome, then closes it. */
    public static void startCase(XMLStreamWriter xml, String className, String name) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", className);
        xml.writeAttribute("name", name);
        xml.writeAttribute("time", "0");
    }
}
