package cn.dayuan.publish;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.ResourceBundleMessageSource;

import cn.dayuan.system.AuditEvent;
import cn.dayuan.system.CommandMessages;
import cn.dayuan.system.Texts;

/**
 * {@code java -jar dayuan.jar export --to DIR [--dayuan.data-dir=…]}: starts the application on a free loopback
 * port, exports the public site into DIR and exits with 0, or with a non-zero status and a message saying why.
 * While it runs it prints its progress to the error stream: one line updated in place on a terminal, otherwise a new
 * line every few seconds (a log file or a pipe gets no carriage returns).
 */
public final class ExportCommand {

    public static final String NAME = "export";
    static final int USAGE = 2;
    static final int FAILED = 1;
    /**
     * The JVM an export runs in: C1 only. An export is a batch of seconds to minutes, in which C2's compilations
     * took a third of a two-core machine's processor time and their code came too late to pay it back: a full
     * export of 2,000 articles took 7.1 s of its own with them and 5.2 s without.
     */
    static final List<String> BATCH_JVM = List.of("-XX:TieredStopAtLevel=1");
    /** How often the progress line is printed when the error stream is not a terminal. */
    static final Duration LOG_EVERY = Duration.ofSeconds(5);

    private ExportCommand() {
    }

    public static boolean isRequested(String[] args) {
        return args.length > 0 && NAME.equals(args[0]);
    }

    /**
     * @param application the Spring Boot application class to start
     * @param args        the command line, starting with {@value #NAME}
     * @return the exit status
     */
    public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        List<String> springArgs = new ArrayList<>();
        String to = null;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--to") && i + 1 < args.length) {
                to = args[++i];
            } else if (arg.startsWith("--to=")) {
                to = arg.substring("--to=".length());
            } else {
                springArgs.add(arg);
            }
        }
        if (to == null || to.isBlank()) {
            err.println("用法：java -jar dayuan.jar export --to 目录 [--dayuan.data-dir=数据目录]"
                    + " [--dayuan.base-url=https://网站域名]");
            return USAGE;
        }
        Path directory;
        try {
            directory = StaticExporter.prepare(Path.of(to));
        } catch (ExportException e) {
            err.println("导出失败：" + bundleTexts().of(e));
            return FAILED;
        } catch (IllegalArgumentException e) {
            err.println("导出失败：" + e.getMessage());
            return FAILED;
        }
        Integer inBatchJvm = runInBatchJvm(args, err);
        if (inBatchJvm != null) {
            return inBatchJvm;
        }
        // A private server for the export: any free port, reachable from this machine only.
        if (springArgs.stream().noneMatch(a -> a.startsWith("--server.port"))) {
            springArgs.add("--server.port=0");
        }
        if (springArgs.stream().noneMatch(a -> a.startsWith("--server.address"))) {
            springArgs.add("--server.address=127.0.0.1");
        }
        // The export renders no search page, and the portal that may be running on the same data folder holds the
        // search index's write lock.
        springArgs.add("--spring.jpa.properties.hibernate.search.enabled=false");
        // Repositories made when first used: an export uses a few of them, and making them all (Spring Data parses
        // every query of every repository) was over a second of each command-line export's start. The training
        // start makes them all, so that the class-data archive holds what making any of them loads.
        if (!ExportJvm.isTrainingStart()) {
            springArgs.add("--spring.data.jpa.repositories.bootstrap-mode=lazy");
        }
        SpringApplication app = new SpringApplication(application);
        boolean terminal = err == System.err && System.console() != null;
        try (ConfigurableApplicationContext context = app.run(springArgs.toArray(String[]::new))) {
            Texts texts = context.getBean(Texts.class);
            ExportProgress progress = new ExportProgress();
            ScheduledExecutorService printer = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "export-progress");
                thread.setDaemon(true);
                return thread;
            });
            long every = terminal ? 250 : LOG_EVERY.toMillis();
            printer.scheduleAtFixedRate(() -> printProgress(err, texts, progress, terminal), every, every,
                    TimeUnit.MILLISECONDS);
            ExportResult result;
            try {
                result = context.getBean(StaticExporter.class).export(directory, AuditEvent.SYSTEM, progress);
            } catch (ExportException e) {
                err.println((terminal ? "\n" : "") + "导出失败：" + texts.of(e));
                return FAILED;
            } finally {
                printer.shutdownNow();
            }
            printProgress(err, texts, progress, terminal);
            if (terminal) {
                err.println();
            }
            result.warnings().forEach(warning -> err.println("注意：" + warning));
            out.println(texts.of("publish.export.summary", result.files(), result.written(), result.unchanged(),
                    result.deleted(), String.format("%.2f", result.seconds()), result.directory(), result.rendered()));
            return 0;
        } catch (RuntimeException e) {
            err.println("导出失败：应用未能启动或导出时出错：" + CommandMessages.withRootCause(e));
            return FAILED;
        }
    }

    /**
     * Runs the same command in a JVM set for a batch run ({@link #BATCH_JVM}), started from the jar extracted with a
     * class-data archive where they can be made ({@link ExportJvm}), and returns its exit status, when this one was
     * started from the jar with the compilers as they come; null to run here (a JVM whose compilers the operator
     * chose, or not started from a jar: tests, an IDE). The JVM options of this one are passed on after the batch
     * ones, so the operator's still win.
     */
    private static Integer runInBatchJvm(String[] args, PrintStream err) {
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        boolean compilersChosen = Stream.of("TieredStopAtLevel", "TieredCompilation")
                .anyMatch(flag -> hotspot.getVMOption(flag).getOrigin() != VMOption.Origin.DEFAULT);
        String java = ProcessHandle.current().info().command().orElse(null);
        String classPath = System.getProperty("java.class.path", "");
        if (!runsInBatchJvm(java, classPath, compilersChosen)) {
            return null;
        }
        List<String> jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
        ExportJvm.Launch launch = ExportJvm.prepare(java, Path.of(classPath).toAbsolutePath(),
                System.getProperty("java.vm.version", ""), (extractedJar, archiving) ->
                        batchJvmCommand(java, new ExportJvm.Launch(extractedJar, archiving), jvmOptions, args));
        List<String> command = batchJvmCommand(java, launch, jvmOptions, args);
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        // Their options are among this JVM's, which the command passes on: read twice, an agent would load twice.
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        Process child;
        try {
            child = builder.start();
        } catch (IOException e) {
            err.println("注意：未能启动批处理 JVM（" + e.getMessage() + "），在当前 JVM 中导出");
            return null;
        }
        Thread stop = new Thread(() -> {
            child.destroy();
            try {
                child.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "export-child-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            return child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.destroy();
            return FAILED;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs and stops the child
            }
        }
    }

    /**
     * Whether the export runs in a batch JVM of its own.
     *
     * @param java            this JVM's launcher, if known
     * @param classPath       this JVM's class path: a jar's file when started with {@code -jar}
     * @param compilersChosen whether the operator set this JVM's compilers
     */
    static boolean runsInBatchJvm(String java, String classPath, boolean compilersChosen) {
        return !compilersChosen && java != null && classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator);
    }

    /**
     * The command line of {@link #runInBatchJvm}'s JVM.
     *
     * @param jvmOptions this JVM's options
     */
    static List<String> batchJvmCommand(String java, ExportJvm.Launch launch, List<String> jvmOptions, String[] args) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(BATCH_JVM);
        command.addAll(launch.options());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(launch.jar().toString());
        command.addAll(List.of(args));
        return command;
    }

    private static void printProgress(PrintStream err, Texts texts, ExportProgress progress, boolean terminal) {
        ExportProgress.Snapshot now = progress.snapshot();
        String line = texts.of("publish.export.progress", now.percent(), now.done(), now.total(),
                String.format("%.1f", now.perSecond()));
        if (terminal) {
            err.print("\r" + line + "\u001b[K");
            err.flush();
        } else {
            err.println(line);
        }
    }

    /** The texts of the messages bundle, for errors found before the application (and its message source) starts. */
    private static Texts bundleTexts() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(Texts.LANGUAGE);
        return new Texts(messages);
    }
}
