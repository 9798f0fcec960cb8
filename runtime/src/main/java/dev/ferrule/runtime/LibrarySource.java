package dev.ferrule.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Where the bytes of a packed library come from: the jar or directory of one class-path entry,
 * read with the signatures of that jar checked. Files next to the library (its {@code .sha256})
 * are read from the same place, never from whichever entry of the class path comes first.
 *
 * @param location  the jar or directory, for messages
 * @param root      the jar file or directory itself, where {@link #sibling} reads
 * @param bytes     the library's bytes, read in full (which, in a signed jar, verifies them)
 * @param sha256    the SHA-256 of {@code bytes}, hashed once as they are read
 * @param signers   the certificates that signed the entry; empty when unsigned
 */
record LibrarySource(String location, Path root, byte[] bytes, String sha256, Set<Certificate> signers) {

    /** The library in the jar or directory that holds {@code anchor}, if it is there. */
    static Optional<LibrarySource> inCodeSourceOf(Class<?> anchor, String resource) {
        Path root = codeSourceRoot(anchor);
        return root == null ? Optional.empty() : read(root, resource);
    }

    /** Every copy of the library on the class path, each read from its own jar or directory. */
    static List<LibrarySource> onClassPath(ClassLoader loader, String resource) {
        List<LibrarySource> found = new ArrayList<>();
        try {
            for (URL url : Collections.list(loader.getResources(resource))) {
                Path root = rootOf(url, resource);
                if (root != null) {
                    read(root, resource).ifPresent(found::add);
                }
            }
        } catch (IOException e) {
            throw new NativeLibraryException("Could not look up " + resource + " on the class path: "
                    + e.getMessage(), e);
        }
        return found;
    }

    /** The certificates that signed {@code anchor}'s class; empty for an unsigned class. */
    static Set<Certificate> signersOf(Class<?> anchor) {
        CodeSource source = anchor.getProtectionDomain().getCodeSource();
        return source == null ? Set.of() : certificates(source.getCodeSigners());
    }

    /** A file next to the library in the same jar or directory, or null when it is not there. */
    byte[] sibling(String resource) {
        return read(root, resource).map(LibrarySource::bytes).orElse(null);
    }

    private static Path codeSourceRoot(Class<?> anchor) {
        CodeSource source = anchor.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }

    /** The jar file or directory a resource URL points into. */
    private static Path rootOf(URL url, String resource) {
        try {
            if (url.getProtocol().equals("jar")) {
                String spec = url.getPath();
                int bang = spec.indexOf("!/");
                return bang < 0 ? null : Path.of(java.net.URI.create(spec.substring(0, bang)));
            }
            if (url.getProtocol().equals("file")) {
                Path file = Path.of(url.toURI());
                Path root = file;
                for (int i = 0; i < resource.split("/").length; i++) {
                    root = root.getParent();
                }
                return root;
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    private static Optional<LibrarySource> read(Path root, String resource) {
        if (Files.isDirectory(root)) {
            Path file = root.resolve(resource);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            try {
                byte[] bytes = Files.readAllBytes(file);
                return Optional.of(new LibrarySource(root.toString(), root, bytes, LibraryExtractor.sha256(bytes),
                        Set.of()));
            } catch (IOException e) {
                throw new NativeLibraryException("Could not read " + file + ": " + e.getMessage(), e);
            }
        }
        if (!Files.isRegularFile(root)) {
            return Optional.empty();
        }
        try (JarFile jar = new JarFile(root.toFile(), true)) {
            JarEntry entry = jar.getJarEntry(resource);
            if (entry == null) {
                return Optional.empty();
            }
            byte[] bytes;
            try (InputStream in = jar.getInputStream(entry)) {
                bytes = in.readAllBytes();
            }
            // Known only once the entry was read in full, which is when the digest was checked.
            return Optional.of(new LibrarySource(root.toString(), root, bytes, LibraryExtractor.sha256(bytes),
                    certificates(entry.getCodeSigners())));
        } catch (SecurityException e) {
            throw new LibraryIntegrityException(resource + " in " + root + " does not match the jar's signature ("
                    + e.getMessage() + "): the signed jar was changed after signing. Nothing was loaded.");
        } catch (IOException e) {
            throw new NativeLibraryException("Could not read " + resource + " from " + root + ": "
                    + e.getMessage(), e);
        }
    }

    private static Set<Certificate> certificates(CodeSigner[] signers) {
        Set<Certificate> certificates = new HashSet<>();
        if (signers != null) {
            for (CodeSigner signer : signers) {
                List<? extends Certificate> chain = signer.getSignerCertPath().getCertificates();
                if (!chain.isEmpty()) {
                    certificates.add(chain.get(0));
                }
            }
        }
        return Set.copyOf(certificates);
    }
}
