package cn.dayuan.newsroom;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * What every newsroom page shows around its content: who is signed in, the CSRF token for its forms, the
 * message left by the previous action, and how to print times.
 */
public record Shell(String username, String displayName, String roleLabel, boolean editor, boolean admin,
                    String csrfParameter, String csrfToken, Notice notice, String siteName, ZoneId zone) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public boolean signedIn() {
        return username != null;
    }

    /** A time as the newsroom prints it, in the site's time zone. */
    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(zone));
    }
}
