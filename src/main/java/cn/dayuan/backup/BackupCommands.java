package cn.dayuan.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.dayuan.system.CommandMessages;

/**
 * {@code java -jar dayuan.jar backup --to FILE} and {@code java -jar dayuan.jar restore --from FILE}, with the
 * portal's own settings ({@code --dayuan.data-dir=…}, {@code --spring.datasource.url=…}). A backup may be taken
 * while the portal runs; a restore goes into an empty database and an empty data folder, on any of the three
 * databases whichever one the backup came from. Each exits with 0, or with a non-zero status and a message.
 */
public final class BackupCommands {

    static final int USAGE = 2;
    static final int FAILED = 1;

    private BackupCommands() {
    }

    public static boolean isRequested(String[] args) {
        return args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean backup = args[0].equals("backup");
        String option = backup ? "--to" : "--from";
        String file = null;
        List<String> springArgs = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals(option) && i + 1 < args.length) {
                file = args[++i];
            } else if (args[i].startsWith(option + "=")) {
                file = args[i].substring(option.length() + 1);
            } else {
                springArgs.add(args[i]);
            }
        }
        if (file == null || file.isBlank()) {
            err.println(backup
                    ? "用法：java -jar dayuan.jar backup --to 备份文件.zip [--dayuan.data-dir=数据目录] [--spring.datasource.url=…]"
                    : "用法：java -jar dayuan.jar restore --from 备份文件.zip [--dayuan.data-dir=数据目录] [--spring.datasource.url=…]");
            return USAGE;
        }
        if (springArgs.stream().noneMatch(a -> a.startsWith("--logging.level.root"))) {
            springArgs.add("--logging.level.root=WARN");
        }
        try {
            return backup ? backup(Path.of(file), springArgs, out) : restore(Path.of(file), springArgs, out);
        } catch (BackupException e) {
            err.println(e.getMessage());
            return FAILED;
        } catch (IOException | SQLException | RuntimeException e) {
            err.println((backup ? "备份失败：" : "恢复失败：") + CommandMessages.withRootCause(e));
            return FAILED;
        }
    }

    private static int backup(Path file, List<String> springArgs, PrintStream out) {
        springArgs.add("--spring.flyway.enabled=false"); // the portal's database is the portal's to migrate
        try (ConfigurableApplicationContext context = start(springArgs)) {
            out.println(context.getBean(BackupService.class).backup(file).summary());
            return 0;
        }
    }

    private static int restore(Path file, List<String> springArgs, PrintStream out) throws IOException, SQLException {
        if (!Files.isRegularFile(file)) {
            throw new BackupException("恢复失败：找不到备份文件 " + file.toAbsolutePath());
        }
        try (BackupArchive.Reader archive = new BackupArchive.Reader(file)) {
            // The empty database is first given the schema the backup was taken with, then the data, then the
            // migrations that came since (SiteRestore).
            springArgs.add("--spring.flyway.target=" + archive.manifest().schemaVersion());
            try (ConfigurableApplicationContext context = start(springArgs)) {
                out.println(context.getBean(SiteRestore.class).restore(archive));
                return 0;
            }
        }
    }

    private static ConfigurableApplicationContext start(List<String> springArgs) {
        return new SpringApplicationBuilder(DatabaseOnly.class).web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(springArgs.toArray(String[]::new));
    }
}
