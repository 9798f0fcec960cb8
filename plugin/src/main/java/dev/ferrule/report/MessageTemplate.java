package dev.ferrule.report;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule's message with {@code {name}} placeholders, as check-abi and audit rules carry it: the
 * rulebook shows the template, and each finding fills it in.
 */
public final class MessageTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private MessageTemplate() {
    }

    /** The placeholders of a template, in order. */
    public static Set<String> placeholders(String template) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /**
     * The message for one finding.
     *
     * @param rule    the rule's name, for the error
     * @param values  placeholder names and values, in pairs
     * @throws IllegalArgumentException when a placeholder has no value, or a value no placeholder
     */
    public static String fill(String template, String rule, Object... values) {
        if (values.length % 2 != 0) {
            throw new IllegalArgumentException(rule + ": values come in name, value pairs");
        }
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i += 2) {
            given.put((String) values[i], String.valueOf(values[i + 1]));
        }
        if (!given.keySet().equals(placeholders(template))) {
            throw new IllegalArgumentException(rule + "'s message needs " + placeholders(template) + ", got "
                    + given.keySet());
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(given.get(matcher.group(1))));
        }
        return matcher.appendTail(out).toString();
    }
}
