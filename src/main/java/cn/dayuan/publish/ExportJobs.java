package cn.dayuan.publish;

import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.dayuan.system.DayuanProperties;
import cn.dayuan.system.ReadableException;
import cn.dayuan.system.Texts;

/**
 * The newsroom's exports, each run in the background (never in the request that asks for it), one at a time on this
 * node; {@link StaticExporter} takes the cluster-wide lock ({@code system.ExclusiveWork}), so a second node's
 * export is refused and that refusal is shown as the result. The running export and the last one's figures are kept
 * in this node's memory: they are what this node's editors see, not a record (the audit log is that).
 */
@Component
public class ExportJobs {

    private static final Logger log = LoggerFactory.getLogger(ExportJobs.class);

    private final StaticExporter exporter;
    private final DayuanProperties properties;
    private final Texts texts;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "static-export-job");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<Running> running = new AtomicReference<>();
    private volatile Finished last;

    ExportJobs(StaticExporter exporter, DayuanProperties properties, Texts texts) {
        this.exporter = exporter;
        this.properties = properties;
        this.texts = texts;
    }

    /**
     * Starts an export into the configured folder unless one is running here already.
     *
     * @param startedBy the account that asked
     * @return whether this call started it
     */
    public boolean start(String startedBy) {
        Running job = new Running(startedBy, Instant.now(), new ExportProgress());
        if (!running.compareAndSet(null, job)) {
            return false;
        }
        worker.execute(() -> run(job));
        return true;
    }

    private void run(Running job) {
        Finished finished;
        try {
            ExportResult result = exporter.export(properties.exportDir(), job.startedBy(), job.progress());
            finished = new Finished(job.startedBy(), job.startedAt(), Instant.now(), result, null);
        } catch (ReadableException e) {
            finished = new Finished(job.startedBy(), job.startedAt(), Instant.now(), null, texts.of(e));
        } catch (RuntimeException e) {
            log.error("Static export failed", e);
            finished = new Finished(job.startedBy(), job.startedAt(), Instant.now(), null,
                    texts.of("publish.export.failed-unexpectedly", e.getClass().getSimpleName()));
        }
        last = finished;
        running.set(null);
    }

    /** The running export (or null) and the last one that ended (or null). */
    public Status status() {
        Running now = running.get();
        return new Status(now == null ? null : new Progress(now.startedBy(), now.startedAt(),
                now.progress().snapshot()), last);
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    private record Running(String startedBy, Instant startedAt, ExportProgress progress) {
    }

    /** The running export: who started it, when, how far it is. */
    public record Progress(String startedBy, Instant startedAt, ExportProgress.Snapshot figures) {
    }

    /**
     * An export that ended.
     *
     * @param result what it did, or null when it failed
     * @param error  why it failed, as the editor reads it, or null
     */
    public record Finished(String startedBy, Instant startedAt, Instant finishedAt, ExportResult result,
                           String error) {
    }

    /** @param running the running export or null; @param last the last ended one or null */
    public record Status(Progress running, Finished last) {
    }
}
