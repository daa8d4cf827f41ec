package cn.dayuan.database;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database this test JVM is pointed at: the embedded H2 database unless the surefire run set
 * {@code spring.datasource.url} (the {@code postgresql} and {@code mariadb} runs in pom.xml do).
 */
public record TargetDatabase(String name, String url, String username, String password, String host, int port) {

    private static final Pattern HOST_AND_PORT = Pattern.compile("^jdbc:[a-z]+://([^/:?]+)(?::(\\d+))?");

    public static TargetDatabase current() {
        String url = System.getProperty("spring.datasource.url");
        if (url == null || url.isBlank() || url.startsWith("jdbc:h2:")) {
            return new TargetDatabase("H2", url, null, null, null, 0);
        }
        String name = url.startsWith("jdbc:postgresql:") ? "PostgreSQL"
                : url.startsWith("jdbc:mariadb:") ? "MariaDB"
                : url.startsWith("jdbc:mysql:") ? "MySQL"
                : url.split(":")[1].toUpperCase(Locale.ROOT);
        Matcher matcher = HOST_AND_PORT.matcher(url);
        String host = matcher.find() ? matcher.group(1) : "localhost";
        int defaultPort = name.equals("PostgreSQL") ? 5432 : 3306;
        int port = matcher.group(2) == null ? defaultPort : Integer.parseInt(matcher.group(2));
        return new TargetDatabase(name, url, System.getProperty("spring.datasource.username"),
                System.getProperty("spring.datasource.password", ""), host, port);
    }

    public boolean isEmbedded() {
        return name.equals("H2");
    }

    public boolean isMariaDbOrMySql() {
        return name.equals("MariaDB") || name.equals("MySQL");
    }

    /** "127.0.0.1:5432", as the skip message names the server. */
    public String address() {
        return host + ":" + port;
    }
}
