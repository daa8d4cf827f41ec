package cn.dayuan.cluster;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Conditional;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.dayuan.system.ClusterMode;
import cn.dayuan.system.ContentChangedEvent;
import cn.dayuan.system.DayuanProperties;

/**
 * Carries content changes between the nodes of a cluster. After a change commits, its node publishes the record of
 * the {@link ChangeLog} on a Redis channel; every other node publishes the change to itself again
 * ({@link ContentChangedEvent#fromAnotherNode()}), so its page cache, listings and kept data follow it within
 * milliseconds. Redis pub/sub forgets a message sent while a node was disconnected, so every node also reads the
 * change log every {@link #POLL_INTERVAL} and plays back the records it has not seen: a lost message costs at
 * most that much delay, never a stale page.
 *
 * <p>Which records were played back is kept by {@link SeenRecords}: ids are not committed in the order they were
 * handed out, so a record may show up after records with higher ids.
 */
@Component
@Conditional(ClusterMode.On.class)
class ChangeRelay implements MessageListener {

    static final String POLL_INTERVAL = "PT1S";
    static final long GAP_PATIENCE_MILLIS = 5 * 60_000;
    private static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(ChangeRelay.class);

    private final ChangeLog changeLog;
    private final JdbcTemplate jdbc;
    private final StringRedisTemplate redis;
    private final ApplicationEventPublisher events;
    private final ChannelTopic topic;
    private final SeenRecords seen;

    ChangeRelay(ChangeLog changeLog, JdbcTemplate jdbc, StringRedisTemplate redis, ApplicationEventPublisher events,
                DayuanProperties properties,
                @Qualifier(ClusterConfig.CHANGE_LISTENERS) RedisMessageListenerContainer listeners) {
        this.changeLog = changeLog;
        this.jdbc = jdbc;
        this.redis = redis;
        this.events = events;
        this.topic = new ChannelTopic(properties.clusterName() + ":content-changes");
        // What is in the log already is in the database this node renders from; a transaction still open may
        // hold an id below the newest, so the last ids stay open to records that show up late.
        long newest = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM content_change", Long.class);
        long floor = Math.max(0, newest - BATCH);
        this.seen = new SeenRecords(floor, jdbc.queryForList("SELECT id FROM content_change WHERE id > ?",
                Long.class, floor), GAP_PATIENCE_MILLIS);
        listeners.addMessageListener(this, topic);
    }

    /** Tells the other nodes, after the change committed. */
    void announce(ChangeLog.Change change) {
        try {
            redis.convertAndSend(topic.getTopic(), changeLog.node() + ChangeLog.SEPARATOR + change.id()
                    + ChangeLog.SEPARATOR + String.join(ChangeLog.SEPARATOR, change.keys()));
        } catch (RuntimeException e) {
            // The others read it from the change log within a second.
            log.warn("Could not announce change {} through Redis: {}", change.id(), e.getMessage());
        }
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        String[] lines = new String(message.getBody(), StandardCharsets.UTF_8).split(ChangeLog.SEPARATOR, 3);
        if (lines.length < 3 || lines[0].equals(changeLog.node())) {
            return;
        }
        try {
            playBack(Long.parseLong(lines[1]), ChangeLog.keysOf(lines[2]));
        } catch (NumberFormatException e) {
            log.warn("Ignored a malformed change message on {}", topic.getTopic());
        }
    }

    @Scheduled(fixedDelayString = POLL_INTERVAL, initialDelayString = POLL_INTERVAL)
    void catchUp() {
        String columns = "SELECT id, node, page_keys FROM content_change WHERE ";
        List<Map<String, Object>> records = new ArrayList<>(jdbc.queryForList(
                columns + "id > ? ORDER BY id LIMIT " + BATCH, seen.newestKnown()));
        List<Long> missing = seen.missing();
        for (int i = 0; i < missing.size(); i += BATCH) {
            List<Long> some = missing.subList(i, Math.min(missing.size(), i + BATCH));
            records.addAll(jdbc.queryForList(columns + "id IN (" + String.join(",", Collections.nCopies(some.size(), "?"))
                    + ")", some.toArray()));
        }
        for (Map<String, Object> record : records) {
            long id = ((Number) record.get("id")).longValue();
            if (changeLog.node().equals(record.get("node"))) {
                seen.markSeen(id);
            } else {
                playBack(id, ChangeLog.keysOf((String) record.get("page_keys")));
            }
        }
        seen.settle(System.currentTimeMillis());
    }

    private void playBack(long id, Set<String> keys) {
        if (seen.markSeen(id)) {
            events.publishEvent(new ContentChangedEvent(keys, true));
        }
    }
}
