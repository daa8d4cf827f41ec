package cn.dayuan.cluster;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.dayuan.system.ContentChangedEvent;
import cn.dayuan.system.ContentChanges;
import cn.dayuan.system.ExclusiveWork;
import cn.dayuan.system.StoredTimes;

/**
 * Writes every {@link ContentChangedEvent} of this node into the table {@code content_change}, inside the
 * transaction of the change: the change and its record commit together or not at all. In a cluster the
 * {@link ChangeRelay} then wakes the other nodes, which read the same records when a message was lost.
 * Records are kept for {@link #KEPT_FOR}; within that time they also tell a new process what changed while it was not
 * running ({@link ContentChanges}).
 */
@Component
class ChangeLog implements ContentChanges {

    /** Longest text of one record; an event with more keys is written as several records. */
    static final int MAX_KEYS_LENGTH = 4000;
    static final String SEPARATOR = "\n";
    static final Duration KEPT_FOR = Duration.ofDays(7);

    /** This process among the nodes of a cluster: its own records are not played back to it. */
    private final String node = UUID.randomUUID().toString();
    private final JdbcTemplate jdbc;
    private final ObjectProvider<ChangeRelay> relay;
    private final ExclusiveWork exclusive;

    ChangeLog(JdbcTemplate jdbc, ObjectProvider<ChangeRelay> relay, ExclusiveWork exclusive) {
        this.jdbc = jdbc;
        this.relay = relay;
        this.exclusive = exclusive;
    }

    String node() {
        return node;
    }

    /** One record: its id and the keys it names. */
    record Change(long id, Set<String> keys) {
    }

    @EventListener
    void onContentChanged(ContentChangedEvent event) {
        if (event.fromAnotherNode() || event.keys().isEmpty()) {
            return;
        }
        List<Change> written = chunks(event.keys()).stream().map(this::write).toList();
        ChangeRelay announcer = relay.getIfAvailable();
        if (announcer == null) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    written.forEach(announcer::announce);
                }
            });
        } else {
            written.forEach(announcer::announce);
        }
    }

    @Override
    public Optional<Map<Long, Set<String>>> changesSince(Instant since) {
        // old records go once an hour, so the last hour before KEPT_FOR may be gone already
        if (since.isBefore(Instant.now().minus(KEPT_FOR).plus(Duration.ofHours(1)))) {
            return Optional.empty();
        }
        Map<Long, Set<String>> changes = new HashMap<>();
        jdbc.query("SELECT id, page_keys FROM content_change WHERE changed_at >= ?",
                ps -> ps.setTimestamp(1, Timestamp.from(since), StoredTimes.utc()),
                row -> {
                    changes.put(row.getLong(1), keysOf(row.getString(2)));
                });
        return Optional.of(changes);
    }

    private Change write(Set<String> keys) {
        KeyHolder id = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO content_change (node, page_keys, changed_at) VALUES (?, ?, ?)", new String[] {"id"});
            insert.setString(1, node);
            insert.setString(2, String.join(SEPARATOR, keys));
            insert.setTimestamp(3, Timestamp.from(Instant.now()), StoredTimes.utc());
            return insert;
        }, id);
        return new Change(id.getKey().longValue(), keys);
    }

    /** The keys in groups that each fit one record. */
    static List<Set<String>> chunks(Set<String> keys) {
        List<Set<String>> chunks = new ArrayList<>();
        Set<String> chunk = new LinkedHashSet<>();
        int length = 0;
        for (String key : keys) {
            if (!chunk.isEmpty() && length + SEPARATOR.length() + key.length() > MAX_KEYS_LENGTH) {
                chunks.add(chunk);
                chunk = new LinkedHashSet<>();
                length = 0;
            }
            length += (chunk.isEmpty() ? 0 : SEPARATOR.length()) + key.length();
            chunk.add(key);
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }

    static Set<String> keysOf(String text) {
        return new LinkedHashSet<>(List.of(text.split(SEPARATOR)));
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    void forgetOldChanges() {
        exclusive.runIfFree("forget-old-changes", Duration.ofMinutes(5), () -> jdbc.update(
                "DELETE FROM content_change WHERE changed_at < ?",
                ps -> ps.setTimestamp(1, Timestamp.from(Instant.now().minus(KEPT_FOR)), StoredTimes.utc())));
    }
}
