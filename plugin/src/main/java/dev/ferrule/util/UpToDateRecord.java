package dev.ferrule.util;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * What a goal saw the last time it finished: a key for its configuration, the size and
 * modification time of every file it read or wrote, and the facts it reported. When the key and
 * every file's stamp still match, the goal's work would rewrite the same bytes, so it can be
 * skipped without starting cargo, loading the ABI model or parsing any JSON.
 *
 * <p>Stamps are size and modification time in nanoseconds, as Maven's own up-to-date checks and
 * cargo's fingerprints use; anything that edits, adds into a recorded directory listing, deletes
 * or touches a file changes its stamp.
 */
public final class UpToDateRecord {

    private static final String KEY = "key";
    private static final String FILE = "file.";
    private static final String FACT = "fact.";
    private static final String MISSING = "missing";

    private UpToDateRecord() {
    }

    /**
     * The facts recorded with {@code key}, when the record exists, was made with the same key, and
     * every recorded file has the stamp it had then; empty otherwise.
     */
    public static Optional<Map<String, String>> unchanged(Path record, String key) {
        Properties saved = new Properties();
        try (Reader reader = Files.newBufferedReader(record, StandardCharsets.UTF_8)) {
            saved.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!key.equals(saved.getProperty(KEY))) {
            return Optional.empty();
        }
        SortedMap<String, String> facts = new TreeMap<>();
        for (String name : saved.stringPropertyNames()) {
            if (name.startsWith(FILE)) {
                if (!stampOf(Path.of(name.substring(FILE.length()))).equals(saved.getProperty(name))) {
                    return Optional.empty();
                }
            } else if (name.startsWith(FACT)) {
                facts.put(name.substring(FACT.length()), saved.getProperty(name));
            }
        }
        return Optional.of(facts);
    }

    /** Records the key, the current stamp of each file, and the facts; the same inputs give the same bytes. */
    public static void save(Path record, String key, Collection<Path> files, Map<String, String> facts,
            Path stateDir) throws IOException {
        Properties properties = new Properties() {
            private static final long serialVersionUID = 1L;

            // Sorted, so that the record's bytes depend only on what it holds.
            @Override
            public synchronized java.util.Enumeration<Object> keys() {
                return java.util.Collections.enumeration(new java.util.TreeSet<>(super.keySet()));
            }

            @Override
            public java.util.Set<Map.Entry<Object, Object>> entrySet() {
                java.util.Set<Map.Entry<Object, Object>> sorted = new java.util.TreeSet<>(
                        java.util.Comparator.comparing(entry -> entry.getKey().toString()));
                sorted.addAll(super.entrySet());
                return sorted;
            }
        };
        properties.setProperty(KEY, key);
        for (Path file : files) {
            Path absolute = file.toAbsolutePath().normalize();
            properties.setProperty(FILE + absolute, stampOf(absolute));
        }
        facts.forEach((name, value) -> properties.setProperty(FACT + name, value));
        StringWriter text = new StringWriter();
        properties.store(text, null);
        // store() begins with a date comment; without it, an unchanged record is not rewritten.
        String body = text.toString().replaceFirst("^#[^\n]*\n", "");
        AtomicFiles.writeIfChanged(record, body.getBytes(StandardCharsets.UTF_8), stateDir);
    }

    /** Removes the record, so that a goal that fails half-way is never taken as up to date. */
    public static void forget(Path record) throws IOException {
        Files.deleteIfExists(record);
    }

    static String stampOf(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return attributes.size() + ":" + attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        } catch (IOException e) {
            return MISSING;
        }
    }
}
