package dev.ferrule.maven;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.maven.plugin.AbstractMojo;

/**
 * A goal's configuration as text: every field of the Mojo that Maven fills from the POM or the
 * command line, by reflection, so that a parameter added later is covered without anyone
 * remembering to list it. Injected Maven objects (the project, the session, managers) are not
 * configuration and are left out.
 */
final class MojoConfiguration {

    private MojoConfiguration() {
    }

    static String describe(AbstractMojo mojo) {
        TreeMap<String, String> values = new TreeMap<>();
        for (Class<?> type = mojo.getClass(); type != AbstractMojo.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || !isConfiguration(field.getType())) {
                    continue;
                }
                values.put(type.getSimpleName() + "." + field.getName(), render(read(field, mojo)));
            }
        }
        StringBuilder text = new StringBuilder();
        values.forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
        return text.toString();
    }

    private static boolean isConfiguration(Class<?> type) {
        return type.isPrimitive() || type.getName().startsWith("java.") || type.getPackage() == MojoConfiguration
                .class.getPackage();
    }

    private static Object read(Field field, Object owner) {
        try {
            field.setAccessible(true);
            return field.get(owner);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
    }

    private static String render(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof File file) {
            return file.getAbsolutePath();
        }
        if (value instanceof Map<?, ?> map) {
            TreeMap<String, String> sorted = new TreeMap<>();
            map.forEach((key, entry) -> sorted.put(String.valueOf(key), render(entry)));
            return sorted.toString();
        }
        if (value instanceof Collection<?> collection) {
            List<String> items = new ArrayList<>();
            collection.forEach(item -> items.add(render(item)));
            return items.toString();
        }
        if (value.getClass().getPackage() == MojoConfiguration.class.getPackage()) {
            // A nested POM element such as <allowUnsafeFeature>: its own fields.
            TreeMap<String, String> fields = new TreeMap<>();
            for (Field field : value.getClass().getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    fields.put(field.getName(), render(read(field, value)));
                }
            }
            return fields.toString();
        }
        return String.valueOf(value);
    }
}
