package cn.dayuan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DayuanApplication {
    public static void main(String[] args) {
        SpringApplication.run(DayuanApplication.class, args);
    }
}
