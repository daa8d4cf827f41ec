package cn.dayuan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import cn.dayuan.backup.BackupCommands;
import cn.dayuan.publish.ExportCommand;
import cn.dayuan.system.OrderlyStop;

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
        OrderlyStop.install(SpringApplication.run(DayuanApplication.class, args));
    }
}
