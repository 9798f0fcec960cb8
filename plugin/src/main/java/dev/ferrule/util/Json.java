package dev.ferrule.util;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.ToIntFunction;

/** One configured JSON mapper, so every file Ferrule writes has the same byte-stable shape. */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    // The default indenter uses the platform line separator; committed files must not differ by OS.
    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Pretty JSON with LF line endings and a trailing newline. */
    public static byte[] prettyBytes(Object value) {
        try {
            return (PRETTY.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /**
     * Where in a file Jackson failed, as {@code " at functions[2].params"}, or nothing when it does
     * not say; for messages that name the broken field.
     */
    public static String where(IOException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference reference : mapping.getPath()) {
                if (reference.getFieldName() != null) {
                    path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
                } else if (reference.getIndex() >= 0) {
                    path.append('[').append(reference.getIndex()).append(']');
                }
            }
            return path.length() == 0 ? "" : " at " + path;
        }
        return "";
    }

    /** Jackson's message without the source excerpt and location it appends. */
    public static String problem(IOException e) {
        return e instanceof JsonProcessingException processing ? processing.getOriginalMessage() : e.getMessage();
    }

    public static JsonNode parse(String text) throws JsonProcessingException {
        return MAPPER.readTree(text);
    }

    public static <T> T read(byte[] bytes, Class<T> type) {
        try {
            return MAPPER.readValue(bytes, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a results file Ferrule wrote earlier, refusing one of another schema version: a
     * report rendered from fields this version does not know would be silently wrong.
     */
    public static <T> T readResults(Path file, Class<T> type, ToIntFunction<T> schemaVersion, int expected,
            String writer) throws IOException {
        T results = MAPPER.readValue(file.toFile(), type);
        if (results == null) {
            throw new IOException(file + " is empty. Run " + writer + " again to write it anew.");
        }
        // Another schema may lay the file out differently, so its version is checked first.
        int found = schemaVersion.applyAsInt(results);
        if (found != expected) {
            throw new IOException(file + " has schemaVersion " + found + ", and this Ferrule reads " + expected
                    + ". Run " + writer + " again with this version of the plugin.");
        }
        Optional<String> missing = RecordCheck.firstMissing(results);
        if (missing.isPresent()) {
            throw new IOException(file + " is incomplete (no " + missing.get() + "). Run " + writer
                    + " again to write it anew.");
        }
        return results;
    }
}
