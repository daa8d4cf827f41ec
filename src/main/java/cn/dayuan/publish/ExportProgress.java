package cn.dayuan.publish;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How far a running export is: the files it has finished and the ones it knows of so far. The total grows while the
 * export follows links, so the share done can fall back for a moment; it reaches 100 % when the export ends. Written
 * by the export's threads, read by whoever shows it (the command line, the newsroom's status endpoint).
 */
public final class ExportProgress {

    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger total = new AtomicInteger();
    private final long started = System.nanoTime();

    void found(int files) {
        total.addAndGet(files);
    }

    void finished() {
        done.incrementAndGet();
    }

    void finished(int files) {
        done.addAndGet(files);
    }

    public Snapshot snapshot() {
        int doneNow = done.get();
        return new Snapshot(doneNow, Math.max(doneNow, total.get()), (System.nanoTime() - started) / 1e9);
    }

    /**
     * @param done    files finished (written, unchanged or skipped)
     * @param total   files known so far
     * @param seconds since the export started
     */
    public record Snapshot(int done, int total, double seconds) {

        public int percent() {
            return total == 0 ? 0 : (int) Math.floor(done * 100.0 / total);
        }

        public double perSecond() {
            return seconds <= 0 ? 0 : done / seconds;
        }
    }
}
