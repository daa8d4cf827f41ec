package cn.dayuan.cluster;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

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
 * <p>Record ids come from the database in the order they were handed out, not in commit order: a transaction that
 * took an id earlier may commit later. Ids above the highest one known to be played back are therefore remembered
 * one by one, and a missing id is waited for for {@link #GAP_PATIENCE_MILLIS} (a rolled-back transaction leaves
 * its id unused for good).
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

    /** Every id up to here has been played back, or was given up as unused. */
    private long floor;
    /** Ids above the floor already played back (or this node's own). */
    private final NavigableSet<Long> seen = new TreeSet<>();
    /** Ids above the floor not seen yet, with the time their absence was first noticed. */
    private final Map<Long, Long> missingSince = new HashMap<>();

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
        this.floor = Math.max(0, newest - BATCH);
        seen.addAll(jdbc.queryForList("SELECT id FROM content_change WHERE id > ?", Long.class, floor));
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
                columns + "id > ? ORDER BY id LIMIT " + BATCH, newestKnown()));
        List<Long> missing = missing();
        for (int i = 0; i < missing.size(); i += BATCH) {
            List<Long> some = missing.subList(i, Math.min(missing.size(), i + BATCH));
            records.addAll(jdbc.queryForList(columns + "id IN (" + String.join(",", Collections.nCopies(some.size(), "?"))
                    + ")", some.toArray()));
        }
        for (Map<String, Object> record : records) {
            long id = ((Number) record.get("id")).longValue();
            if (changeLog.node().equals(record.get("node"))) {
                markSeen(id);
            } else {
                playBack(id, ChangeLog.keysOf((String) record.get("page_keys")));
            }
        }
        advanceFloor(System.currentTimeMillis());
    }

    private void playBack(long id, Set<String> keys) {
        if (markSeen(id)) {
            events.publishEvent(new ContentChangedEvent(keys, true));
        }
    }

    /** @return whether the record was new to this node */
    private synchronized boolean markSeen(long id) {
        if (id <= floor) {
            return false;
        }
        missingSince.remove(id);
        return seen.add(id);
    }

    private synchronized long newestKnown() {
        return seen.isEmpty() ? floor : Math.max(floor, seen.last());
    }

    private synchronized List<Long> missing() {
        return List.copyOf(missingSince.keySet());
    }

    /** Notes the ids that are missing below the newest one seen, and moves the floor over what is settled. */
    private synchronized void advanceFloor(long now) {
        if (!seen.isEmpty()) {
            for (long id = floor + 1; id < seen.last(); id++) {
                if (!seen.contains(id)) {
                    missingSince.putIfAbsent(id, now);
                }
            }
        }
        while (true) {
            long next = floor + 1;
            if (seen.remove(next)) {
                floor = next;
            } else if (missingSince.containsKey(next) && now - missingSince.get(next) > GAP_PATIENCE_MILLIS) {
                missingSince.remove(next);
                floor = next;
            } else {
                return;
            }
        }
    }
}
