package cn.dayuan.system;

import java.util.Calendar;
import java.util.TimeZone;

/** Times are stored in UTC ({@code hibernate.jdbc.time_zone}); JDBC code that reads or writes them says so. */
public final class StoredTimes {

    private StoredTimes() {
    }

    /** A calendar for {@code setTimestamp}/{@code getTimestamp} on columns without a zone (a new one each call). */
    public static Calendar utc() {
        return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    }
}
