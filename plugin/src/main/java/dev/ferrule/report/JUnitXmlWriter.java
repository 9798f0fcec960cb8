package dev.ferrule.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML (the Ant/Surefire format that CI systems read): one suite per group, one test case
 * per finding. A failing finding is a failed test; an accepted one passes with its reason; a group
 * with no findings is one passing test, so a clean run still shows up as green.
 */
public final class JUnitXmlWriter {

    private JUnitXmlWriter() {
    }

    public static byte[] write(Report report, List<String> groups) {
        Map<String, List<Report.Item>> byGroup = new LinkedHashMap<>();
        groups.forEach(g -> byGroup.put(g, new ArrayList<>()));
        report.items().forEach(i -> byGroup.computeIfAbsent(i.group(), g -> new ArrayList<>()).add(i));
        return JUnitXml.document(report.toolName(), xml -> {
            for (Map.Entry<String, List<Report.Item>> group : byGroup.entrySet()) {
                List<Report.Item> items = group.getValue();
                JUnitXml.startSuite(xml, report.toolName() + "." + group.getKey(), Math.max(1, items.size()),
                        items.stream().filter(Report.Item::failing).count(), 0, 0);
                if (items.isEmpty()) {
                    testCase(xml, group.getKey(), "no differences", null, null);
                }
                for (Report.Item item : items) {
                    testCase(xml, group.getKey() + "." + item.ruleId(), item.item(), item,
                            item.ruleId() + " " + item.item() + ": " + item.message()
                                    + (item.file() == null ? "" : " (" + item.file() + ":" + item.line() + ")"));
                }
                JUnitXml.endSuite(xml);
            }
        });
    }

    private static void testCase(XMLStreamWriter xml, String className, String name, Report.Item item, String text)
            throws XMLStreamException {
        JUnitXml.startCase(xml, className, name);
        if (item != null && item.failing()) {
            xml.writeStartElement("failure");
            xml.writeAttribute("message", item.message());
            xml.writeAttribute("type", item.ruleId());
            xml.writeCharacters(text);
            xml.writeEndElement();
        } else if (item != null) {
            xml.writeStartElement("system-out");
            xml.writeCharacters(item.status() + ": " + text
                    + (item.suppression() == null ? "" : "\naccepted: " + item.suppression()));
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }
}
