package dev.ferrule.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Java strings to the UTF-8 bytes the boundary carries. {@link String#getBytes} quietly sends
 * {@code ?} for a lone surrogate (half of a UTF-16 pair), so Rust would receive other text than
 * the caller passed; generated bindings encode through here, which refuses it instead.
 */
public final class Utf8 {

    private Utf8() {
    }

    /**
     * @param parameter  the parameter's name, for the message
     * @throws IllegalArgumentException when the text holds a lone surrogate, which UTF-8 cannot encode
     */
    public static byte[] encode(String text, String parameter) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            throw new IllegalArgumentException(parameter + " holds a lone surrogate U+"
                    + Integer.toHexString(c).toUpperCase(Locale.ROOT) + " at index " + i + ", which UTF-8 cannot"
                    + " encode; the text is not sent (String.getBytes would send '?' in its place)");
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Text the library gave as UTF-8 bytes; bytes that are not UTF-8 become U+FFFD. */
    public static String decode(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
