package dev.ferrule.runtime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Which C library a Linux JVM runs on. glibc and musl libraries are not interchangeable, so the
 * loader picks {@code linux-<arch>} or {@code linux-musl-<arch>}. The answer comes from the
 * running JVM's own executable: its ELF program interpreter is {@code ld-musl-*} on musl
 * (Alpine) and {@code ld-linux-*} on glibc. {@code -Dferrule.platform.libc=musl|gnu} overrides it
 * for JVMs that are linked statically or started in unusual ways.
 */
final class Libc {

    static final String OVERRIDE_PROPERTY = "ferrule.platform.libc";
    private static final int PT_INTERP = 3;
    private static volatile Boolean detectedMusl;

    private Libc() {
    }

    /** Whether the running JVM uses musl. */
    static boolean isMusl() {
        String override = System.getProperty(OVERRIDE_PROPERTY);
        if (override != null && !override.isBlank()) {
            return override.strip().toLowerCase(Locale.ROOT).equals("musl");
        }
        Boolean musl = detectedMusl;
        if (musl == null) {
            // The process's C library cannot change while it runs; read the executable once.
            musl = interpreterOf(Path.of("/proc/self/exe")).map(Libc::isMuslInterpreter).orElse(false);
            detectedMusl = musl;
        }
        return musl;
    }

    static boolean isMuslInterpreter(String interpreter) {
        return interpreter.contains("ld-musl");
    }

    /** The ELF program interpreter (PT_INTERP) of an executable, if it is an ELF file with one. */
    static Optional<String> interpreterOf(Path executable) {
        byte[] elf;
        try {
            elf = Files.readAllBytes(executable);
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return Optional.empty();
        }
        return interpreterOf(elf);
    }

    static Optional<String> interpreterOf(byte[] elf) {
        if (elf.length < 52 || elf[0] != 0x7f || elf[1] != 'E' || elf[2] != 'L' || elf[3] != 'F') {
            return Optional.empty();
        }
        boolean is64 = elf[4] == 2;
        ByteBuffer buffer = ByteBuffer.wrap(elf).order(elf[5] == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        try {
            long phoff = is64 ? buffer.getLong(0x20) : Integer.toUnsignedLong(buffer.getInt(0x1C));
            int phentsize = Short.toUnsignedInt(buffer.getShort(is64 ? 0x36 : 0x2A));
            int phnum = Short.toUnsignedInt(buffer.getShort(is64 ? 0x38 : 0x2C));
            for (int i = 0; i < phnum; i++) {
                int header = Math.toIntExact(phoff + (long) i * phentsize);
                if (buffer.getInt(header) != PT_INTERP) {
                    continue;
                }
                long offset = is64 ? buffer.getLong(header + 0x08) : Integer.toUnsignedLong(buffer.getInt(header + 0x04));
                long size = is64 ? buffer.getLong(header + 0x20) : Integer.toUnsignedLong(buffer.getInt(header + 0x10));
                int start = Math.toIntExact(offset);
                int end = Math.toIntExact(Math.min(offset + size, elf.length));
                String text = new String(elf, start, end - start, StandardCharsets.US_ASCII);
                int nul = text.indexOf('\0');
                return Optional.of(nul < 0 ? text : text.substring(0, nul));
            }
        } catch (IndexOutOfBoundsException | ArithmeticException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
