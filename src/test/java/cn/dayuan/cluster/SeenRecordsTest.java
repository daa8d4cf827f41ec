package cn.dayuan.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Records of the change log that commit out of the order of their ids are played back once each, none lost. */
class SeenRecordsTest {

    private static final long PATIENCE = 60_000;

    @Test
    void aRecordThatCommitsAfterHigherOnesIsWaitedForAndPlayedBackOnce() {
        SeenRecords seen = new SeenRecords(10, List.of(), PATIENCE);
        assertThat(seen.markSeen(11)).isTrue();
        assertThat(seen.markSeen(13)).as("12 took its id first but has not committed yet").isTrue();
        seen.settle(0);
        assertThat(seen.floor()).isEqualTo(11);
        assertThat(seen.missing()).containsExactly(12L);
        assertThat(seen.newestKnown()).isEqualTo(13);

        assertThat(seen.markSeen(12)).as("12 commits: played back").isTrue();
        assertThat(seen.markSeen(12)).as("and only once").isFalse();
        assertThat(seen.markSeen(13)).isFalse();
        seen.settle(1);
        assertThat(seen.floor()).isEqualTo(13);
        assertThat(seen.missing()).isEmpty();
        assertThat(seen.markSeen(11)).as("a late message of a record played back").isFalse();
    }

    @Test
    void anIdThatNeverShowsUpIsGivenUpAfterThePatience() {
        SeenRecords seen = new SeenRecords(0, List.of(1L, 2L), PATIENCE);
        assertThat(seen.markSeen(2)).as("in the log when the node started").isFalse();
        assertThat(seen.markSeen(4)).isTrue();
        seen.settle(1_000);
        assertThat(seen.floor()).isEqualTo(2);
        assertThat(seen.missing()).containsExactly(3L);
        seen.settle(1_000 + PATIENCE);
        assertThat(seen.floor()).as("still within its patience").isEqualTo(2);
        seen.settle(1_001 + PATIENCE);
        assertThat(seen.floor()).as("a rolled-back transaction's id, given up").isEqualTo(4);
        assertThat(seen.missing()).isEmpty();
    }

    @Test
    void recordsAboveTheFloorAtStartAreKnownAndLowerOnesIgnored() {
        SeenRecords seen = new SeenRecords(100, List.of(99L, 101L, 103L), PATIENCE);
        assertThat(seen.newestKnown()).isEqualTo(103);
        seen.settle(0);
        assertThat(seen.missing()).containsExactly(102L);
        assertThat(seen.markSeen(102)).as("a transaction still open when the node started").isTrue();
        assertThat(seen.markSeen(50)).isFalse();
    }
}
