package dev.ferrule.report;

import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.Location;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.Region;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.Suppression;
import com.contrastsecurity.sarif.Tool;
import com.contrastsecurity.sarif.ToolComponent;
import dev.ferrule.util.Json;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** SARIF 2.1.0, so code-scanning tools annotate pull requests with each finding at its source line. */
public final class SarifWriter {

    private static final URI SCHEMA = URI.create("https://json.schemastore.org/sarif-2.1.0.json");

    private SarifWriter() {
    }

    public static byte[] write(Report report) {
        List<ReportingDescriptor> rules = new ArrayList<>();
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (Report.Rule rule : report.rules()) {
            ruleIndex.put(rule.id(), rules.size());
            ReportingDescriptor descriptor = new ReportingDescriptor()
                    .withId(rule.id())
                    .withName(camel(rule.id()))
                    .withShortDescription(new MultiformatMessageString().withText(rule.title()))
                    .withFullDescription(new MultiformatMessageString().withText(rule.description()))
                    .withHelp(new MultiformatMessageString().withText("Fix: " + rule.fix()))
                    .withDefaultConfiguration(new ReportingConfiguration().withLevel(level(rule.level())));
            if (rule.helpUri() != null) {
                descriptor.withHelpUri(URI.create(rule.helpUri()));
            }
            rules.add(descriptor);
        }
        List<Result> results = new ArrayList<>();
        for (Report.Item item : report.items()) {
            Result result = new Result()
                    .withRuleId(item.ruleId())
                    .withLevel(resultLevel(item.level()))
                    .withMessage(new Message().withText(item.item() + ": " + item.message()));
            Integer index = ruleIndex.get(item.ruleId());
            if (index != null) {
                result.withRuleIndex(index);
            }
            if (item.file() != null) {
                PhysicalLocation physical = new PhysicalLocation()
                        .withArtifactLocation(new ArtifactLocation().withUri(item.file()).withUriBaseId("%SRCROOT%"));
                if (item.line() != null && item.line() > 0) {
                    physical.withRegion(new Region().withStartLine(item.line()));
                }
                result.withLocations(List.of(new Location().withPhysicalLocation(physical)));
            }
            if (item.suppression() != null) {
                result.withSuppressions(Set.of(new Suppression().withKind(Suppression.Kind.EXTERNAL)
                        .withJustification(item.suppression())));
            }
            results.add(result);
        }
        Run run = new Run()
                .withTool(new Tool().withDriver(new ToolComponent()
                        .withName(report.toolName())
                        .withVersion(report.toolVersion())
                        .withInformationUri(URI.create("https://ferrule.dev"))
                        .withRules(new java.util.LinkedHashSet<>(rules))))
                .withResults(results);
        SarifSchema210 sarif = new SarifSchema210()
                .with$schema(SCHEMA)
                .withVersion(SarifSchema210.Version._2_1_0)
                .withRuns(List.of(run));
        return Json.prettyBytes(sarif);
    }

    private static ReportingConfiguration.Level level(Report.Level level) {
        return switch (level) {
            case ERROR -> ReportingConfiguration.Level.ERROR;
            case WARNING -> ReportingConfiguration.Level.WARNING;
            case NOTE -> ReportingConfiguration.Level.NOTE;
        };
    }

    private static Result.Level resultLevel(Report.Level level) {
        return switch (level) {
            case ERROR -> Result.Level.ERROR;
            case WARNING -> Result.Level.WARNING;
            case NOTE -> Result.Level.NOTE;
        };
    }

    /** SARIF rule names are conventionally PascalCase: FN_REMOVED becomes FnRemoved. */
    private static String camel(String id) {
        StringBuilder out = new StringBuilder();
        for (String part : id.toLowerCase(Locale.ROOT).split("_")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }
}
