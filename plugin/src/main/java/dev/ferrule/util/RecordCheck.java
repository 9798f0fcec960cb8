package dev.ferrule.util;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a value read from a file for what the file left out: a required record component (one
 * not marked {@link MayBeAbsent}) that is null, or a null element of a list or map, found through
 * every nested record, list and map. Jackson fills what a file omits with null, so this is what
 * tells an incomplete file from a complete one.
 */
public final class RecordCheck {

    private RecordCheck() {
    }

    /**
     * The path of the first missing value, such as {@code crate}, {@code functions[2].symbol} or
     * {@code inputs["/a/b"]}; empty when nothing required is missing. A null {@code value} is
     * missing as a whole, with the path {@code (the whole file)}.
     */
    public static Optional<String> firstMissing(Object value) {
        if (value == null) {
            return Optional.of("(the whole file)");
        }
        return missing(value, "");
    }

    private static Optional<String> missing(Object value, String path) {
        if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                Object child = read(component, record);
                String childPath = path.isEmpty() ? component.getName() : path + "." + component.getName();
                if (child == null) {
                    if (!component.isAnnotationPresent(MayBeAbsent.class) && !component.getType().isPrimitive()) {
                        return Optional.of(childPath);
                    }
                    continue;
                }
                Optional<String> inner = missing(child, childPath);
                if (inner.isPresent()) {
                    return inner;
                }
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String entryPath = path + "[\"" + entry.getKey() + "\"]";
                Optional<String> inner = entry.getValue() == null ? Optional.of(entryPath)
                        : missing(entry.getValue(), entryPath);
                if (inner.isPresent()) {
                    return inner;
                }
            }
        } else if (value instanceof Collection<?> collection) {
            int index = 0;
            for (Object element : collection) {
                // A position names an element of a list; a set's elements have none.
                String elementPath = path + (value instanceof List<?> ? "[" + index++ + "]" : "[]");
                Optional<String> inner = element == null ? Optional.of(elementPath) : missing(element, elementPath);
                if (inner.isPresent()) {
                    return inner;
                }
            }
        }
        return Optional.empty();
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            java.lang.reflect.Method accessor = component.getAccessor();
            // Records nested in a class of another package are not public; their values still count.
            accessor.trySetAccessible();
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass(), e);
        }
    }
}
