package cn.dayuan.publish;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

import org.springframework.util.FileSystemUtils;

/**
 * Where the export's batch JVM starts from: the application's jar extracted beside it
 * ({@code java -Djarmode=tools -jar dayuan.jar extract}, once per build, into {@code .dayuan.jar.export-jvm/}),
 * with a class-data archive of the classes the application loads as it starts. Spring Boot's nested jars load every
 * class out of the jar one by one: from the extracted jar with the archive, Spring started in 6.0–6.8 s instead of
 * 14.6–15.3 s, and a command-line export of the check's site took 10.0–11.8 s instead of 20.2–20.8 s.
 *
 * <p>The archive is made once per build and Java version, before the first export that needs it, by a training
 * start of the same command that stops once the application is up ({@code spring.context.exit=onRefresh}, Spring
 * Boot's recipe) and writes the archive as its JVM exits (about 140 MB). Not by the export itself: writing it at
 * the end of a full export of the bench site took the process to 1.2 GB of resident memory. Anything that fails here
 * leaves the export to the jar as it is, or to the extracted jar without an archive.
 */
final class ExportJvm {

    /** Nothing the archive's making or use logs (hundreds of lines about classes it leaves out) goes to the output. */
    static final List<String> QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    /** Spring Boot's setting that ends a start once the context is refreshed, and the value that does it. */
    private static final String STOP_ONCE_UP = "spring.context.exit";
    private static final String ON_REFRESH = "onRefresh";
    private static final long EXTRACT_SECONDS = 120;
    private static final long TRAINING_SECONDS = 300;

    /**
     * @param jar     what the batch JVM runs with {@code -jar}
     * @param options the JVM options that make it start with the archive, if there is one
     */
    record Launch(Path jar, List<String> options) {

        /** The jar as it is, without an archive. */
        static Launch plain(Path jar) {
            return new Launch(jar, List.of());
        }
    }

    private ExportJvm() {
    }

    /**
     * How to start the batch JVM for {@code jar}: from its extracted copy with the archive where they can be made,
     * else from the jar itself.
     *
     * @param training the command that starts the application from a jar the way the export will, given the jar
     *                 and the JVM options that make it write an archive
     * @param vm       the {@code java.vm.version} of the JVM that will run it: an archive is only good for that one
     */
    static Launch prepare(String java, Path jar, String vm, BiFunction<Path, List<String>, List<String>> training) {
        try {
            Path extracted = extracted(java, jar);
            if (extracted == null) {
                return Launch.plain(jar);
            }
            Path extractedJar = extracted.resolve(jar.getFileName());
            Path archive = extracted.resolveSibling(extracted.getFileName() + "-" + vm.replaceAll("[^A-Za-z0-9._-]", "_")
                    + ".jsa");
            if (!Files.isRegularFile(archive)) {
                train(archive, training.apply(extractedJar, writing(archive, ProcessHandle.current().pid())));
            }
            return launch(extractedJar, archive, Files.isRegularFile(archive));
        } catch (IOException | RuntimeException e) {
            return Launch.plain(jar);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Launch.plain(jar);
        }
    }

    /** The launch from the extracted jar, with the archive when there is one. */
    static Launch launch(Path extractedJar, Path archive, boolean archiveExists) {
        List<String> options = new ArrayList<>();
        if (archiveExists) {
            options.add("-XX:SharedArchiveFile=" + archive);
        }
        options.addAll(QUIET);
        return new Launch(extractedJar, options);
    }

    /** The JVM options of the training start: write the archive under a name of its own, and stop once up. */
    static List<String> writing(Path archive, long pid) {
        List<String> options = new ArrayList<>();
        options.add("-XX:ArchiveClassesAtExit=" + making(archive, pid));
        options.addAll(QUIET);
        options.add("-D" + STOP_ONCE_UP + "=" + ON_REFRESH);
        return options;
    }

    /** Whether this JVM is a training start, which stops once the application is up. */
    static boolean isTrainingStart() {
        return ON_REFRESH.equals(System.getProperty(STOP_ONCE_UP));
    }

    private static Path making(Path archive, long pid) {
        return archive.resolveSibling(archive.getFileName() + "." + pid + ".tmp");
    }

    /** Runs the training start; the archive it wrote becomes the one to start with. */
    private static void train(Path archive, List<String> command) throws IOException, InterruptedException {
        Path making = making(archive, ProcessHandle.current().pid());
        try {
            Process training = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!training.waitFor(TRAINING_SECONDS, TimeUnit.SECONDS)) {
                training.destroyForcibly().waitFor();
                return;
            }
            if (Files.isRegularFile(making) && Files.size(making) > 0) {
                Files.move(making, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(making);
        }
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
