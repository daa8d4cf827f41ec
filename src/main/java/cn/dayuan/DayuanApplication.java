package cn.dayuan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import cn.dayuan.backup.BackupCommands;
import cn.dayuan.publish.ExportCommand;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DayuanApplication {
    public static void main(String[] args) {
        if (ExportCommand.isRequested(args)) {
            System.exit(ExportCommand.run(DayuanApplication.class, args, System.out, System.err));
        }
        if (BackupCommands.isRequested(args)) {
            System.exit(BackupCommands.run(args, System.out, System.err));
        }
        SpringApplication.run(DayuanApplication.class, args);
    }
}
