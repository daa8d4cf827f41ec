package cn.dayuan.publish;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.util.FileSystemUtils;

/**
 * Where the export's batch JVM starts from: the application's jar extracted beside it
 * ({@code java -Djarmode=tools -jar dayuan.jar extract}, once per build, into {@code .dayuan.jar.export-jvm/}),
 * with a class-data archive of what an export loads, made by the first export that starts from it. Spring Boot's
 * nested jars load every class out of the jar one by one: from the extracted jar with the archive, Spring started in
 * 6.0–6.8 s instead of 14.6–15.3 s, and a command-line export of the check's site took 10.0–10.9 s instead of
 * 20.2–20.8 s. The first export of a build pays for the archive once (it is written as the JVM exits, 140 MB).
 * Anything that fails here leaves the export to the jar as it is.
 */
final class ExportJvm {

    /** Nothing the archive's making or use logs (hundreds of lines about classes it leaves out) goes to the output. */
    private static final List<String> QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    private static final long EXTRACT_SECONDS = 120;

    /**
     * @param jar     what the batch JVM runs with {@code -jar}
     * @param options the JVM options that make it use, or make, the archive
     * @param making  the archive the JVM writes as it exits, to become {@code archive} if it ends well; or null
     * @param archive the archive the next exports start with
     */
    record Launch(Path jar, List<String> options, Path making, Path archive) {

        /** The jar as it is, without an archive. */
        static Launch plain(Path jar) {
            return new Launch(jar, List.of(), null, null);
        }

        /** After the batch JVM ended: an archive it wrote becomes the one to start with, if the export went well. */
        void finish(int status) {
            if (making == null) {
                return;
            }
            try {
                if (status == 0 && Files.isRegularFile(making)) {
                    Files.move(making, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.deleteIfExists(making);
                }
            } catch (IOException e) {
                // The next export makes one again.
            }
        }
    }

    private ExportJvm() {
    }

    /**
     * How to start the batch JVM for {@code jar} with {@code java}: from its extracted copy with the archive where
     * that can be made, else from the jar itself.
     *
     * @param feature the Java feature release of {@code java} (17, 25…)
     * @param vm      its {@code java.vm.version}, which an archive is only good for
     */
    static Launch prepare(String java, Path jar, int feature, String vm) {
        try {
            Path extracted = extracted(java, jar);
            if (extracted == null) {
                return Launch.plain(jar);
            }
            Path archive = extracted.resolveSibling(extracted.getFileName() + "-" + vm.replaceAll("[^A-Za-z0-9._-]", "_")
                    + ".jsa");
            return launch(extracted.resolve(jar.getFileName()), archive, Files.isRegularFile(archive), feature,
                    ProcessHandle.current().pid());
        } catch (IOException | RuntimeException e) {
            return Launch.plain(jar);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Launch.plain(jar);
        }
    }

    /**
     * The launch from the extracted jar: Java 19 and later make and renew the archive themselves
     * ({@code -XX:+AutoCreateSharedArchive}); Java 17 starts with it when there is one, and otherwise writes one as it
     * exits, under a name of its own until the export has ended well.
     */
    static Launch launch(Path extractedJar, Path archive, boolean archiveExists, int feature, long pid) {
        List<String> options = new ArrayList<>(QUIET);
        if (feature >= 19) {
            options.add(0, "-XX:+AutoCreateSharedArchive");
            options.add(1, "-XX:SharedArchiveFile=" + archive);
            return new Launch(extractedJar, options, null, archive);
        }
        if (archiveExists) {
            options.add(0, "-XX:SharedArchiveFile=" + archive);
            return new Launch(extractedJar, options, null, archive);
        }
        Path making = archive.resolveSibling(archive.getFileName() + "." + pid + ".tmp");
        options.add(0, "-XX:ArchiveClassesAtExit=" + making);
        return new Launch(extractedJar, options, making, archive);
    }

    /**
     * The folder of this build of the jar extracted, made if needed (and the other builds' folders deleted); null
     * when the jar's folder cannot be written or the extraction fails.
     */
    private static Path extracted(String java, Path jar) throws IOException, InterruptedException {
        Path folder = jar.resolveSibling("." + jar.getFileName() + ".export-jvm");
        String build = Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis();
        Path extracted = folder.resolve(build);
        if (Files.isRegularFile(extracted.resolve(jar.getFileName()))) {
            return extracted;
        }
        Files.createDirectories(folder);
        try (DirectoryStream<Path> builds = Files.newDirectoryStream(folder)) {
            for (Path other : builds) {
                if (!other.getFileName().toString().startsWith(build)) {
                    FileSystemUtils.deleteRecursively(other);
                }
            }
        }
        Path temporary = Files.createTempDirectory(folder, build + ".extracting-");
        try {
            Process extract = new ProcessBuilder(java, "-Djarmode=tools", "-jar", jar.toString(), "extract",
                    "--destination", temporary.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!extract.waitFor(EXTRACT_SECONDS, TimeUnit.SECONDS)) {
                extract.destroyForcibly();
                return null;
            }
            if (extract.exitValue() != 0 || !Files.isRegularFile(temporary.resolve(jar.getFileName()))) {
                return null;
            }
            try {
                Files.move(temporary, extracted, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException anotherExportWasFaster) {
                return Files.isRegularFile(extracted.resolve(jar.getFileName())) ? extracted : null;
            }
            return extracted;
        } finally {
            FileSystemUtils.deleteRecursively(temporary);
        }
    }
}
