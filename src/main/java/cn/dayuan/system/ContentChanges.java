package cn.dayuan.system;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The record of past content changes, as the {@link PageKeys} their {@link ContentChangedEvent}s named: what lets a
 * process that was not running at the time (a new JVM exporting the site) tell which pages a change touched.
 */
public interface ContentChanges {

    /**
     * The changes recorded at or after {@code since} and committed by now, on any node: the keys of each, by the
     * record's id. Empty when the record does not reach back that far (old records are forgotten), so that the
     * caller treats everything as changed.
     */
    Optional<Map<Long, Set<String>>> changesSince(Instant since);
}
