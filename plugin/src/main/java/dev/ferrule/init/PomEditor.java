package dev.ferrule.init;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Adds what Ferrule needs to an existing module's POM, and nothing else: the runtime and JUnit
 * dependencies, the JVM options property, the JDK 22+ toolchain, the plugin's executions, the
 * Surefire argLine and the jar manifest entry, each only when the POM lacks it. The POM is edited
 * as a DOM, so its comments, order and indentation stay as they were.
 */
final class PomEditor {

    private static final Pattern PROJECT_START = Pattern.compile("<project[\\s>]");

    /** The edited POM and a line for each change, for init to list. */
    record Edit(String pom, List<String> changes) {
    }

    private final Document document;
    private final Element project;
    private final List<String> changes = new ArrayList<>();

    private PomEditor(Document document) {
        this.document = document;
        this.project = document.getDocumentElement();
    }

    static Edit addFerrule(String pom, String packageName, String ferruleVersion) throws InitException {
        return addFerrule(pom, packageName, ferruleVersion, null);
    }

    /**
     * @param crateDir  the plugin's {@code <crateDir>} when the crate is not in src/main/rust, or null
     */
    static Edit addFerrule(String pom, String packageName, String ferruleVersion, String crateDir)
            throws InitException {
        PomEditor editor = new PomEditor(parse(pom));
        if (pom.contains("<artifactId>ferrule-maven-plugin</artifactId>")) {
            throw new InitException("pom.xml already uses ferrule-maven-plugin; ferrule:init leaves it alone."
                    + " Pass -Dferrule.init.force=true to write the crate and test files anyway.");
        }
        editor.edit(packageName, ferruleVersion, crateDir);
        return new Edit(keepProlog(pom, editor.serialize()) + (pom.endsWith("\n") ? "\n" : ""),
                List.copyOf(editor.changes));
    }

    /**
     * The edited POM with everything up to the end of {@code <project ...>} as the user wrote it:
     * the XML declaration, comments before the root, and the root's attributes with their order,
     * quotes and line breaks, which a DOM does not keep.
     */
    static String keepProlog(String original, String serialized) {
        int originalEnd = startTagEnd(original);
        int serializedEnd = startTagEnd(serialized);
        if (originalEnd < 0 || serializedEnd < 0) {
            return serialized;
        }
        return original.substring(0, originalEnd) + serialized.substring(serializedEnd);
    }

    /** The index just after the {@code >} of the {@code <project} start tag, or -1. */
    private static int startTagEnd(String xml) {
        Matcher start = PROJECT_START.matcher(xml);
        int from = 0;
        while (start.find(from)) {
            // Skip a <project mentioned inside a comment before the root.
            int comment = xml.lastIndexOf("<!--", start.start());
            if (comment >= 0 && xml.indexOf("-->", comment) > start.start()) {
                from = start.end();
                continue;
            }
            char quote = 0;
            for (int i = start.end() - 1; i < xml.length(); i++) {
                char c = xml.charAt(i);
                if (quote != 0) {
                    quote = c == quote ? 0 : quote;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '>') {
                    return i + 1;
                }
            }
            return -1;
        }
        return -1;
    }

    private void edit(String packageName, String ferruleVersion, String crateDir) throws InitException {
        Element properties = child(project, "properties");
        if (find(properties, "ferrule.argLine") == null) {
            append(properties, "<ferrule.argLine>--enable-native-access=ALL-UNNAMED</ferrule.argLine>");
            changes.add("property ferrule.argLine (ferrule:generate sets it for the test JDK)");
        }
        if (find(properties, "maven.compiler.release") == null) {
            append(properties, "<maven.compiler.release>22</maven.compiler.release>");
            changes.add("property maven.compiler.release = 22 (FFM is final in JDK 22)");
        }
        Element dependencies = child(project, "dependencies");
        append(dependencies, "<dependency><groupId>dev.ferrule</groupId><artifactId>ferrule-runtime</artifactId>"
                + "<version>" + ferruleVersion + "</version></dependency>");
        changes.add("dependency dev.ferrule:ferrule-runtime:" + ferruleVersion);
        if (!hasArtifact(dependencies, "junit-jupiter")) {
            append(dependencies, "<dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter"
                    + "</artifactId><version>5.14.1</version><scope>test</scope></dependency>");
            changes.add("dependency org.junit.jupiter:junit-jupiter:5.14.1 (test)");
        }
        Element build = child(project, "build");
        Element plugins = child(build, "plugins");
        if (!hasArtifact(plugins, "maven-toolchains-plugin")) {
            append(plugins, "<plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-toolchains-plugin"
                    + "</artifactId><version>3.2.0</version><executions><execution><goals><goal>select-jdk-toolchain"
                    + "</goal></goals><configuration><version>[22,)</version></configuration></execution></executions>"
                    + "</plugin>");
            changes.add("plugin maven-toolchains-plugin (select-jdk-toolchain [22,))");
        }
        if (!hasArtifact(plugins, "maven-compiler-plugin")) {
            // Maven 3's default compiler plugin predates maven.compiler.release.
            append(plugins, "<plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin"
                    + "</artifactId><version>3.14.1</version></plugin>");
            changes.add("plugin maven-compiler-plugin 3.14.1 (understands maven.compiler.release)");
        }
        append(plugins, "<plugin><groupId>dev.ferrule</groupId><artifactId>ferrule-maven-plugin</artifactId>"
                + "<version>" + ferruleVersion + "</version><configuration><packageName>" + packageName
                + "</packageName>" + (crateDir == null ? "" : "<crateDir>" + crateDir + "</crateDir>")
                + "</configuration><executions><execution><goals><goal>generate</goal><goal>test</goal>"
                + "<goal>check-abi</goal><goal>audit</goal></goals></execution></executions></plugin>");
        changes.add("plugin ferrule-maven-plugin (generate, test, check-abi, audit"
                + (crateDir == null ? ")" : "; crateDir " + crateDir + ")"));
        if (!hasArtifact(plugins, "maven-surefire-plugin")) {
            append(plugins, "<plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-surefire-plugin"
                    + "</artifactId><version>3.5.4</version><configuration><argLine>@{ferrule.argLine}</argLine>"
                    + "</configuration></plugin>");
            changes.add("plugin maven-surefire-plugin (argLine @{ferrule.argLine})");
        } else {
            changes.add("NOT CHANGED: maven-surefire-plugin is configured already; give it"
                    + " <argLine>@{ferrule.argLine}</argLine> so tests may call native code");
        }
        Element management = find(build, "pluginManagement");
        Element managed = management == null ? null : find(management, "plugins");
        if (!hasArtifact(plugins, "maven-site-plugin")
                && (managed == null || !hasArtifact(managed, "maven-site-plugin"))) {
            // Maven 3's default site plugin (3.3) speaks Doxia 1 and cannot run reports built on Doxia 2.
            append(plugins, "<plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-site-plugin"
                    + "</artifactId><version>3.21.0</version></plugin>");
            changes.add("plugin maven-site-plugin 3.21.0 (the Ferrule reports need Doxia 2)");
        }
        append(child(child(project, "reporting"), "plugins"), "<plugin><groupId>dev.ferrule</groupId>"
                + "<artifactId>ferrule-maven-plugin</artifactId><version>" + ferruleVersion + "</version><reportSets>"
                + "<reportSet><reports><report>abi-report</report><report>audit-report</report></reports></reportSet>"
                + "</reportSets></plugin>");
        changes.add("report ferrule-maven-plugin (abi-report, audit-report: pages of mvn verify site)");
    }

    private static boolean hasArtifact(Element parent, String artifactId) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                Element artifact = find(element, "artifactId");
                if (artifact != null && artifact.getTextContent().strip().equals(artifactId)) {
                    return true;
                }
            }
        }
        return false;
    }

    private Element child(Element parent, String name) {
        Element existing = find(parent, name);
        if (existing != null) {
            return existing;
        }
        return (Element) append(parent, "<" + name + "></" + name + ">");
    }

    private static Element find(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    /** Appends {@code xml} as the last child of {@code parent}, indented one step deeper than it. */
    private Node append(Element parent, String xml) {
        String indent = indentOf(parent);
        String step = indentStep();
        Node fragment = document.importNode(parse(xml, true).getDocumentElement(), true);
        Node last = parent.getLastChild();
        if (last != null && last.getNodeType() == Node.TEXT_NODE && last.getTextContent().isBlank()) {
            parent.insertBefore(document.createTextNode("\n" + indent + step), last);
            parent.insertBefore(fragment, last);
        } else {
            parent.appendChild(document.createTextNode("\n" + indent + step));
            parent.appendChild(fragment);
            parent.appendChild(document.createTextNode("\n" + indent));
        }
        indentChildren(fragment, indent + step, step);
        return fragment;
    }

    private static void indentChildren(Node node, String indent, String step) {
        List<Node> children = new ArrayList<>();
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            children.add(child);
        }
        if (children.stream().noneMatch(c -> c instanceof Element)) {
            return;
        }
        Document document = node.getOwnerDocument();
        for (Node child : children) {
            node.insertBefore(document.createTextNode("\n" + indent + step), child);
            indentChildren(child, indent + step, step);
        }
        node.appendChild(document.createTextNode("\n" + indent));
    }

    private static String indentOf(Element element) {
        Node before = element.getPreviousSibling();
        if (before != null && before.getNodeType() == Node.TEXT_NODE) {
            String text = before.getTextContent();
            return text.substring(text.lastIndexOf('\n') + 1);
        }
        return "";
    }

    /** The POM's own indentation step: that of the first element inside project. */
    private String indentStep() {
        for (Node node = project.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                String indent = indentOf(element);
                return indent.isEmpty() ? "  " : indent;
            }
        }
        return "  ";
    }

    private static Document parse(String xml) throws InitException {
        try {
            return parse(xml, false);
        } catch (IllegalStateException e) {
            throw new InitException("pom.xml is not well-formed XML, so ferrule:init cannot add to it: "
                    + e.getCause().getMessage(), e);
        }
    }

    private static Document parse(String xml, boolean fragment) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException(fragment ? "bad fragment " + xml : "bad POM", e);
        }
    }

    private String serialize() throws InitException {
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new InitException("Could not write the edited pom.xml: " + e.getMessage(), e);
        }
    }
}
