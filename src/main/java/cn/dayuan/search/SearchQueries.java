package cn.dayuan.search;

import java.sql.Date;
import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

import jakarta.annotation.PreDestroy;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.dayuan.account.Permissions;
import cn.dayuan.account.Role;
import cn.dayuan.system.DayuanProperties;
import cn.dayuan.system.ExclusiveWork;

/**
 * What readers look for: each reader search counted under its words and its week, with whether it found nothing, so
 * the newsroom sees the most frequent queries and the ones the site has no answer to. Nothing about the reader is
 * kept, and a query that may name a person (a long number such as a telephone or ID number, an e-mail address) is
 * not kept at all. Counts are added up in memory and written to the shared database every few seconds, where the
 * nodes of a cluster add theirs to the same rows.
 */
@Component
public class SearchQueries {

    /** The longest query kept, in characters; longer ones are kept cut to this length. */
    static final int KEPT_LENGTH = 40;
    /** Weeks shown and kept. */
    static final int WEEKS_KEPT = 52;
    static final int SHOWN = 30;
    /** Queries held between two writes at most: a robot sending random words cannot fill the memory. */
    private static final int PENDING_AT_MOST = 10_000;
    private static final Pattern PERSONAL = Pattern.compile(".*(\\d[\\d\\s-]{5,}\\d|@).*");

    private final Map<Key, Counts> pending = new ConcurrentHashMap<>();
    private final JdbcTemplate jdbc;
    private final Permissions permissions;
    private final ExclusiveWork exclusive;
    private final ZoneId zone;

    SearchQueries(JdbcTemplate jdbc, Permissions permissions, ExclusiveWork exclusive, DayuanProperties properties) {
        this.jdbc = jdbc;
        this.permissions = permissions;
        this.exclusive = exclusive;
        this.zone = properties.timeZone();
    }

    private record Key(LocalDate week, String text) {
    }

    private static final class Counts {
        final LongAdder searches = new LongAdder();
        final LongAdder withoutResults = new LongAdder();
    }

    /** A query and how often it was searched in a week, and how often that found nothing. */
    public record Count(String query, long searches, long withoutResults) {
    }

    /**
     * One week of queries.
     *
     * @param frequent   the most searched queries, most first
     * @param unanswered the queries that found nothing most often, most first
     * @param weeks      the weeks with queries, newest first, to choose from
     */
    public record Week(LocalDate start, List<Count> frequent, List<Count> unanswered, List<LocalDate> weeks) {
    }

    /** A reader searched for {@code query} (as {@link SearchQuery} normalised it) and found {@code results}. */
    public void record(SearchQuery query, long results) {
        if (query.isBlank() || query.page() > 1 || PERSONAL.matcher(query.text()).matches()) {
            return;
        }
        // full-width and half-width letters, capitals and small ones: one query
        String text = Normalizer.normalize(query.text(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        if (text.codePointCount(0, text.length()) > KEPT_LENGTH) {
            text = text.substring(0, text.offsetByCodePoints(0, KEPT_LENGTH)).strip();
        }
        Key key = new Key(weekOf(LocalDate.now(zone)), text);
        Counts counts = pending.get(key);
        if (counts == null) {
            if (pending.size() >= PENDING_AT_MOST) {
                return;
            }
            counts = pending.computeIfAbsent(key, k -> new Counts());
        }
        counts.searches.increment();
        if (results == 0) {
            counts.withoutResults.increment();
        }
    }

    /** Adds the counts held here to the database. */
    @Scheduled(fixedDelayString = "${dayuan.search-query-flush-interval:10s}")
    @PreDestroy
    public void flush() {
        pending.forEach((key, counts) -> {
            long searches = counts.searches.sumThenReset();
            long withoutResults = counts.withoutResults.sumThenReset();
            if (searches > 0) {
                add(key, searches, withoutResults);
            }
        });
        pending.values().removeIf(counts -> counts.searches.sum() == 0);
    }

    private void add(Key key, long searches, long withoutResults) {
        Object[] update = {searches, withoutResults, Date.valueOf(key.week()), key.text()};
        String adding = "UPDATE search_query_week SET searches = searches + ?, without_results = without_results + ?"
                + " WHERE week_start = ? AND query_text = ?";
        if (jdbc.update(adding, update) > 0) {
            return;
        }
        try {
            jdbc.update("INSERT INTO search_query_week (week_start, query_text, searches, without_results)"
                    + " VALUES (?, ?, ?, ?)", Date.valueOf(key.week()), key.text(), searches, withoutResults);
        } catch (DuplicateKeyException anotherNodeWroteItFirst) {
            jdbc.update(adding, update);
        }
    }

    /** The week that holds {@code day} (editors). */
    public Week week(LocalDate day) {
        permissions.require(Role.EDITOR);
        flush();
        LocalDate start = weekOf(day == null ? LocalDate.now(zone) : day);
        Date week = Date.valueOf(start);
        List<Count> frequent = jdbc.query("SELECT query_text, searches, without_results FROM search_query_week"
                + " WHERE week_start = ? ORDER BY searches DESC, query_text LIMIT " + SHOWN, (row, n) -> count(row), week);
        List<Count> unanswered = jdbc.query("SELECT query_text, searches, without_results FROM search_query_week"
                        + " WHERE week_start = ? AND without_results > 0 ORDER BY without_results DESC, query_text LIMIT "
                        + SHOWN,
                (row, n) -> count(row), week);
        List<LocalDate> weeks = jdbc.queryForList("SELECT DISTINCT week_start FROM search_query_week"
                + " ORDER BY week_start DESC LIMIT " + WEEKS_KEPT, Date.class).stream().map(Date::toLocalDate).toList();
        return new Week(start, frequent, unanswered, weeks);
    }

    @Scheduled(initialDelayString = "PT3M", fixedDelayString = "PT12H")
    void forgetOldWeeks() {
        exclusive.runIfFree("search-query-retention", Duration.ofMinutes(10), () -> jdbc.update(
                "DELETE FROM search_query_week WHERE week_start < ?",
                Date.valueOf(weekOf(LocalDate.now(zone)).minusWeeks(WEEKS_KEPT))));
    }

    static LocalDate weekOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static Count count(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Count(row.getString("query_text"), row.getLong("searches"), row.getLong("without_results"));
    }
}
