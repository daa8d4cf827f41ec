package cn.dayuan.publish;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import cn.dayuan.system.CommandMessages;

/**
 * {@code java -jar dayuan.jar export --to DIR [--dayuan.data-dir=…]}: starts the application on a free loopback
 * port, exports the public site into DIR and exits with 0, or with a non-zero status and a message saying why.
 */
public final class ExportCommand {

    public static final String NAME = "export";
    static final int USAGE = 2;
    static final int FAILED = 1;

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
        } catch (ExportException | IllegalArgumentException e) {
            err.println("导出失败：" + e.getMessage());
            return FAILED;
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
        SpringApplication app = new SpringApplication(application);
        try (ConfigurableApplicationContext context = app.run(springArgs.toArray(String[]::new))) {
            ExportResult result = context.getBean(StaticExporter.class).export(directory, null);
            result.warnings().forEach(warning -> err.println("注意：" + warning));
            out.println(result.summary());
            return 0;
        } catch (ExportException e) {
            err.println("导出失败：" + e.getMessage());
            return FAILED;
        } catch (RuntimeException e) {
            err.println("导出失败：应用未能启动或导出时出错：" + CommandMessages.withRootCause(e));
            return FAILED;
        }
    }
}
