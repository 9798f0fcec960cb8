package dev.ferrule.gen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM options that let generated bindings make restricted FFM calls, and make every other
 * restricted call fail loudly.
 *
 * <p>{@code --enable-native-access=ALL-UNNAMED} grants the class path what the bindings need.
 * From JDK 24, {@code --illegal-native-access=deny} turns a restricted call by any module not
 * granted into an {@code IllegalCallerException} instead of a warning; older JDKs do not know the
 * option and refuse to start with it, so it is added only for 24 and later.
 */
public final class NativeAccess {

    /** The project property the generate goal sets, for {@code <argLine>@{...}</argLine>}. */
    public static final String ARG_LINE_PROPERTY = "ferrule.nativeAccessArgLine";

    /** The manifest attribute that grants native access to an executable jar's code. */
    public static final String MANIFEST_ATTRIBUTE = "Enable-Native-Access";

    private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);

    private NativeAccess() {
    }

    /** The options for a JVM of the given feature release. */
    public static String argLine(int featureRelease) {
        String enable = "--enable-native-access=ALL-UNNAMED";
        return featureRelease >= 24 ? enable + " --illegal-native-access=deny" : enable;
    }

    /**
     * As {@link #argLine(int)}, plus where the JVM writes its crash report when native code
     * crashes it: under the build directory, not in the module root where it could be committed.
     */
    public static String argLine(int featureRelease, Path crashDir) {
        String errorFile = "-XX:ErrorFile=" + crashDir.resolve("hs_err_pid%p.log");
        // Surefire hands the line to a shell, so a path with spaces must be quoted.
        return argLine(featureRelease) + " " + (errorFile.contains(" ") ? "'" + errorFile + "'" : errorFile);
    }

    /**
     * The feature release of the JDK a {@code java} launcher belongs to, from the {@code release}
     * file every JDK ships beside {@code bin/}.
     */
    public static Optional<Integer> featureRelease(Path javaExecutable) {
        Path home = javaExecutable.toAbsolutePath().getParent().getParent();
        Path release = home.resolve("release");
        try {
            if (Files.isRegularFile(release)) {
                Matcher matcher = JAVA_VERSION.matcher(Files.readString(release));
                if (matcher.find()) {
                    return Optional.of(Integer.parseInt(matcher.group(1)));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Unknown release: the caller falls back to options every FFM JDK accepts.
        }
        return Optional.empty();
    }
}
