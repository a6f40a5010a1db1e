package org.lectern.grading.model;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.lectern.grading.JobFolder;
import org.lectern.grading.SandboxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a worker JVM needs to start inside the bubblewrap sandbox, prepared by the trusted side once per class
 * path: the class path entries, each bound read-only at its own path when the sandbox's pool uid can read it there,
 * otherwise hard-linked (or copied) into a shared folder it can read (a Maven repository under {@code /root} is not
 * reachable for it); the JDK, when it is not under {@code /usr} (which the sandbox binds anyway); and ONNX
 * Runtime's native libraries unpacked into that folder, so that the worker loads them offline without writing
 * 20 MB into its own temporary directory on every run. A JVM that sets {@code onnxruntime.native.path} (a GPU
 * worker's pre-unpacked CUDA build) has that folder bound instead.
 *
 * <p>Nothing here is secret: it is the application's code and libraries. The shared folder lives under
 * {@code java.io.tmpdir} and is deleted when this JVM exits.
 */
final class SandboxedRuntime {

    private static final Logger log = LoggerFactory.getLogger(SandboxedRuntime.class);
    private static final String NATIVE_PROPERTY = "onnxruntime.native.path";
    private static final List<String> NATIVE_LIBRARIES = List.of("libonnxruntime.so", "libonnxruntime4j_jni.so",
            "libonnxruntime_providers_shared.so");
    private static final Map<String, Prepared> PREPARED = new ConcurrentHashMap<>();
    private static Path shared;

    /**
     * @param classpath  the class path as the sandbox sees it
     * @param binds      host paths to bind read-only at the same place
     * @param jvmOptions options to add ({@code -Donnxruntime.native.path=…} when this JVM sets none)
     */
    record Prepared(String classpath, List<Path> binds, List<String> jvmOptions) {

        /** Whether everything it binds and loads is still there. */
        boolean present() {
            return binds.stream().allMatch(Files::exists)
                    && Arrays.stream(classpath.split(File.pathSeparator)).allMatch(entry -> Files.exists(Path.of(entry)));
        }

        /** {@code launcher} with the class path as the sandbox sees it. */
        WorkerLauncher launcher(WorkerLauncher launcher) {
            return new WorkerLauncher(launcher.java(), classpath, launcher.jvmOptions(), launcher.mainClass());
        }
    }

    private SandboxedRuntime() {
    }

    static Prepared prepare(WorkerLauncher launcher) throws IOException {
        String key = launcher.java() + "\n" + launcher.classpath();
        Prepared prepared = PREPARED.get(key);
        if (prepared == null || !prepared.present()) {
            synchronized (SandboxedRuntime.class) {
                prepared = PREPARED.get(key);
                if (prepared == null || !prepared.present()) { // first use, or a /tmp cleaner removed the copies
                    if (shared != null && !Files.isDirectory(shared)) {
                        shared = null;
                    }
                    prepared = stage(launcher);
                    PREPARED.put(key, prepared);
                }
            }
        }
        return prepared;
    }

    private static Prepared stage(WorkerLauncher launcher) throws IOException {
        long start = System.nanoTime();
        Set<Path> binds = new LinkedHashSet<>();
        Path java = launcher.java().toRealPath();
        Path javaHome = java.getParent().getParent();
        if (!java.startsWith("/usr/")) {
            requireReadable(javaHome, "the JDK");
            binds.add(javaHome);
        }
        List<String> classpath = new ArrayList<>();
        int index = 0;
        for (String entry : launcher.classpath().split(File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath();
            if (entry.isEmpty() || !Files.exists(path)) {
                continue;
            }
            Path real = path.toRealPath();
            if (readableByOthers(real)) {
                binds.add(real);
                classpath.add(real.toString());
            } else {
                Path copy = sharedFolder().resolve("classpath").resolve(index++ + "-" + real.getFileName());
                copyReadable(real, copy);
                binds.add(sharedFolder());
                classpath.add(copy.toString());
            }
        }
        List<String> options = new ArrayList<>();
        String nativePath = System.getProperty(NATIVE_PROPERTY);
        if (nativePath != null) { // passed on by WorkerLauncher; it must be visible at the same path
            Path real = Path.of(nativePath).toRealPath();
            requireReadable(real, NATIVE_PROPERTY);
            binds.add(real);
        } else {
            Path natives = unpackNatives();
            if (natives != null) {
                binds.add(sharedFolder());
                options.add("-D" + NATIVE_PROPERTY + "=" + natives);
            }
        }
        Prepared prepared = new Prepared(String.join(File.pathSeparator, classpath), List.copyOf(binds),
                List.copyOf(options));
        log.info("sandboxed worker runtime prepared in {} ms: {} read-only binds", (System.nanoTime() - start) / 1_000_000,
                binds.size());
        return prepared;
    }

    /** ONNX Runtime's libraries from the class path, unpacked once; null when this build has none for this platform. */
    private static Path unpackNatives() throws IOException {
        String arch = System.getProperty("os.arch", "").equals("aarch64") ? "linux-aarch64" : "linux-x64";
        Path folder = sharedFolder().resolve("onnxruntime-native");
        ClassLoader loader = ModelEvaluator.class.getClassLoader();
        boolean any = false;
        for (String library : NATIVE_LIBRARIES) {
            try (InputStream in = loader.getResourceAsStream("ai/onnxruntime/native/" + arch + "/" + library)) {
                if (in == null) {
                    continue;
                }
                Files.createDirectories(folder);
                Files.copy(in, folder.resolve(library), StandardCopyOption.REPLACE_EXISTING);
                any = true;
            }
        }
        if (!any) {
            return null;
        }
        makeReadable(folder);
        return folder;
    }

    private static synchronized Path sharedFolder() throws IOException {
        if (shared == null) {
            Path folder = Files.createTempDirectory("lectern-sandbox-runtime-");
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
            requireReadable(folder, "the runtime folder");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> JobFolder.delete(folder), "lectern-runtime-cleanup"));
            shared = folder;
        }
        return shared;
    }

    /** A hard link where the file's own permissions let others read it (no copy), else a copy; folders are copied. */
    private static void copyReadable(Path source, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        makeReadable(target.getParent());
        if (Files.isRegularFile(source)) {
            boolean linked = false;
            if (Files.getPosixFilePermissions(source).contains(PosixFilePermission.OTHERS_READ)) {
                try {
                    Files.createLink(target, source);
                    linked = true;
                } catch (IOException | UnsupportedOperationException e) {
                    // another file system: copy
                }
            }
            if (!linked) {
                Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                makeReadable(target);
            }
            return;
        }
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path copy = target.resolve(source.relativize(dir).toString());
                Files.createDirectories(copy);
                makeReadable(copy);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path copy = target.resolve(source.relativize(file).toString());
                Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                makeReadable(copy);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void makeReadable(Path path) throws IOException {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? "rwxr-xr-x" : "rw-r--r--"));
        if (Files.isDirectory(path)) {
            try (var files = Files.list(path)) {
                for (Path file : files.toList()) {
                    if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
                    }
                }
            }
        }
    }

    private static void requireReadable(Path path, String what) throws IOException {
        if (!readableByOthers(path)) {
            throw new SandboxException(what + " at " + path + " is not readable by the sandbox's uid (every folder"
                    + " above it needs o+x, and it o+r)");
        }
    }

    /** Whether a uid that is neither owner nor group can read {@code path} (folders: also enter it). */
    static boolean readableByOthers(Path path) throws IOException {
        try {
            for (Path dir = path.getParent(); dir != null; dir = dir.getParent()) {
                if (!Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            }
            Set<PosixFilePermission> own = Files.getPosixFilePermissions(path);
            return own.contains(PosixFilePermission.OTHERS_READ)
                    && (!Files.isDirectory(path) || own.contains(PosixFilePermission.OTHERS_EXECUTE));
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }
}
