package cn.dayuan.cluster;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Which records of the change log a node has played back. Ids are handed out in one order and committed in
 * another (a transaction that took an id earlier may commit later), so "everything up to the newest id seen" is
 * not enough: ids above the {@code floor} are remembered one by one, a missing id is waited for for
 * {@code patienceMillis} (a rolled-back transaction leaves its id unused for good), and the floor moves over what
 * is settled.
 */
final class SeenRecords {

    private final long patienceMillis;
    /** Every id up to here has been played back, or was given up as unused. */
    private long floor;
    /** Ids above the floor already played back (or this node's own). */
    private final NavigableSet<Long> seen = new TreeSet<>();
    /** Ids above the floor not seen yet, with the time their absence was first noticed. */
    private final Map<Long, Long> missingSince = new HashMap<>();

    /** @param present ids above {@code floor} that are in the log already, and so in the database this node reads */
    SeenRecords(long floor, Collection<Long> present, long patienceMillis) {
        this.floor = floor;
        this.patienceMillis = patienceMillis;
        present.stream().filter(id -> id > floor).forEach(seen::add);
    }

    /** @return whether the record was new to this node (and so is to be played back) */
    synchronized boolean markSeen(long id) {
        if (id <= floor) {
            return false;
        }
        missingSince.remove(id);
        return seen.add(id);
    }

    /** The id after which records are new to this node. */
    synchronized long newestKnown() {
        return seen.isEmpty() ? floor : Math.max(floor, seen.last());
    }

    /** Ids below the newest one seen that have not shown up yet. */
    synchronized List<Long> missing() {
        return List.copyOf(missingSince.keySet());
    }

    /** Notes the ids missing below the newest one seen, and moves the floor over what is settled. */
    synchronized void settle(long nowMillis) {
        if (!seen.isEmpty()) {
            for (long id = floor + 1; id < seen.last(); id++) {
                if (!seen.contains(id)) {
                    missingSince.putIfAbsent(id, nowMillis);
                }
            }
        }
        while (true) {
            long next = floor + 1;
            if (seen.remove(next)) {
                floor = next;
            } else if (missingSince.containsKey(next) && nowMillis - missingSince.get(next) > patienceMillis) {
                missingSince.remove(next);
                floor = next;
            } else {
                return;
            }
        }
    }

    synchronized long floor() {
        return floor;
    }
}
