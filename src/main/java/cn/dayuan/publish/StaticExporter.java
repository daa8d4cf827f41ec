package cn.dayuan.publish;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

import org.springframework.boot.web.server.context.WebServerApplicationContext;

import cn.dayuan.article.ArticleReadAhead;
import cn.dayuan.article.ArticleService;
import cn.dayuan.media.MediaService;
import cn.dayuan.site.SiteService;
import cn.dayuan.system.AuditEvent;
import cn.dayuan.system.ConflictException;
import cn.dayuan.system.ContentChanges;
import cn.dayuan.system.DayuanProperties;
import cn.dayuan.system.ExclusiveWork;
import cn.dayuan.system.Texts;

/**
 * Writes the public site into a folder that nginx or a CDN serves as is, under the same addresses: {@code /zcjh/}
 * becomes {@code zcjh/index.html}, {@code /zcjh/123.html} stays as it is, the 404 page becomes {@code 404.html}.
 *
 * <p>Every page the site links to is built without HTTP by the {@link ExportRenderer}: the same page models and
 * templates the live site uses, outside the readers' page cache. An address it does not know is fetched from the
 * running server over loopback. The export starts from the
 * {@link ExportSeeds} and follows on-site links; a file is only rewritten when its bytes differ from the ones on disk;
 * files of pages that are gone (an unpublished article) are deleted. The old addresses of renamed or moved channels
 * get small redirect pages and an nginx map ({@link ExportRedirects}).
 *
 * <p>It is incremental, in a running server and from a new JVM alike: the folder's {@link ExportManifest} keeps when
 * the last export started and the {@link cn.dayuan.system.PageKeys} of what each file shows, and the change log
 * ({@link ContentChanges}) names the keys every change since touched. Such an export goes through the last one's
 * files (and of the articles seeds only those the changes name): a page whose keys met no change is left as it is
 * without being built, and its links are followed from the manifest; so an export after one edit costs the pages
 * that edit touched. A manifest that is missing or damaged, written by another build or for another address, or
 * older than the change log remembers, makes every page be built again (files whose bytes come out the same are
 * still not rewritten). The manifest also says which files the export owns: nothing else in the folder is touched.
 *
 * <p>The pages print the site's public address ({@code dayuan.base-url}, else the address in the site settings);
 * without one the export refuses to run, so an export never carries the loopback address it fetched from and two
 * exports of the same content are the same bytes. An export that builds every page writes a new release of the folder
 * and swaps it in at once when it is complete ({@link ExportReleases}); the others write into the served one, each
 * file beside its place under a temporary name and renamed over it, so a web server never reads half a file. {@link ExportProgress} says how far
 * a running export is; {@link ExportJobs} runs the newsroom's exports in the background.
 */
@Service
public class StaticExporter {

    private static final Logger log = LoggerFactory.getLogger(StaticExporter.class);
    static final String NOT_FOUND_FILE = "404.html";
    /**
     * Not exported: the newsroom, the API, counters, error dispatches, and what readers send (comments, captchas,
     * 举报), which stays with the portal behind the same host; media are copied from the data folder.
     */
    private static final List<String> NOT_EXPORTED = List.of("/admin", "/api", "/actuator", "/counter", "/error",
            "/media", "/comment", "/captcha.png", "/jubao", "/preview");
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    /**
     * How far before an export's start the change records are read: a change is recorded when its transaction
     * writes it but seen when it commits, and nodes' clocks differ a little. The records of that span that an export
     * saw committed are kept in its manifest, so only the others count as changes for the next one.
     */
    private static final Duration COMMIT_MARGIN = Duration.ofMinutes(10);
    /**
     * From how many pages to build again an export that follows another reads the published articles ahead: a
     * change every page shows (the newest article is in every sidebar) has all of them built again, and a page read
     * its articles one query at a time (41 s for the 10,000-article bench site against 22 s for a full export).
     */
    private static final int READ_AHEAD_FROM = 500;
    private static final Pattern ARTICLE_PAGE = Pattern.compile(".*/(\\d{1,18})\\.html");
    /** Asked for like a browser does, so error pages come out as the HTML readers see. */
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    static {
        // The JDK's HTTP client refuses a Host header unless told otherwise; the export sends the site's host so
        // that pages print the same absolute links (and share cache entries) as the pages readers get.
        String allowed = System.getProperty("jdk.httpclient.allowRestrictedHeaders", "");
        if (Arrays.stream(allowed.split(",")).noneMatch(h -> h.trim().equalsIgnoreCase("host"))) {
            System.setProperty("jdk.httpclient.allowRestrictedHeaders", allowed.isBlank() ? "host" : allowed + ",host");
        }
    }

    private final ApplicationContext context;
    private final Environment environment;
    private final DayuanProperties properties;
    private final SiteService site;
    private final List<ExportSeeds> seeds;
    private final PageCache cache;
    private final ExclusiveWork exclusive;
    private final Texts texts;
    private final ExportRenderer renderer;
    private final ContentChanges changes;
    private final ArticleService articles;
    /** The compressed copies written beside the files. */
    private final Precompressed copies;
    /**
     * The build of Dayuan running and the copies it makes: an export folder written by another build, or with other
     * copies, is built again in full.
     */
    private final String build;
    /**
     * Made when an export first meets an address the renderer does not know (none the site links to today: making
     * it cost a new JVM a tenth of a second) and kept, with its loopback connections, for the next ones.
     */
    private HttpClient client;

    StaticExporter(ApplicationContext context, Environment environment, DayuanProperties properties,
                   SiteService site, List<ExportSeeds> seeds, PageCache cache, ExclusiveWork exclusive,
                   Texts texts, ExportRenderer renderer, ContentChanges changes, ArticleService articles,
                   ObjectProvider<BuildProperties> buildInfo) {
        this.context = context;
        this.articles = articles;
        this.renderer = renderer;
        this.changes = changes;
        BuildProperties built = buildInfo.getIfAvailable();
        this.copies = new Precompressed(properties.exportCompressedCopies());
        this.build = (built != null && built.getTime() != null ? built.getVersion() + "@" + built.getTime()
                : "unpackaged-" + UUID.randomUUID()) + " " + copies;
        this.texts = texts;
        this.exclusive = exclusive;
        this.cache = cache;
        this.environment = environment;
        this.properties = properties;
        this.site = site;
        this.seeds = seeds;
    }

    /**
     * Exports the whole public site into {@code directory}, in the calling thread.
     *
     * @param startedBy the account that asked for it, or {@link AuditEvent#SYSTEM}; recorded in the audit log
     * @throws ExportException   when there is no public address, the folder cannot be written or a page fails
     * @throws ConflictException when another export is running, on this node or another
     */
    public ExportResult export(Path directory, String startedBy) {
        return export(directory, startedBy, new ExportProgress());
    }

    /** As {@link #export(Path, String)}, telling {@code progress} how far it is. */
    public ExportResult export(Path directory, String startedBy, ExportProgress progress) {
        AtomicReference<ExportResult> result = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Path[] root = {directory.toAbsolutePath().normalize()};
        boolean ran = exclusive.runIfFree("static-export", Duration.ofMinutes(2), () -> {
            try {
                root[0] = prepare(directory);
                URI address = publicAddress();
                // Articles whose publish time has come are announced before the export reads what changed: where no
                // portal ran at that time (an export from cron), nothing else would, or only after that read.
                articles.announceArticlesGoneLive();
                result.set(new Run(root[0], address, progress).execute());
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        if (!ran) {
            throw new ConflictException("publish.export.running");
        }
        ExportResult done = result.get();
        AuditEvent audit = AuditEvent.of(startedBy, "export", "export:" + root[0]);
        context.publishEvent(done != null
                ? audit.with("written", null, done.written()).with("deleted", null, done.deleted())
                : audit.with("error", null, failure.get().getMessage()));
        if (done == null) {
            throw failure.get();
        }
        return done;
    }

    /** Creates the folder if needed and proves that files can be written in it. */
    public static Path prepare(Path directory) {
        Path root = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
            Path probe = Files.createTempFile(root, ".dayuan-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new ExportException(e, "publish.export.not-writable", root,
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return root;
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        }
        return client;
    }

    /** One export; its state lives as long as the export does. */
    private final class Run {

        /** The folder named to the export, the one the web server serves. */
        private final Path published;
        /** Where this export writes: a new release of {@link #published}, or {@link #published} itself. */
        private final Path root;
        /**
         * The folder the site is served from while this export runs, where the files of the last export are (null
         * when there is none): {@link #root} when the export writes in place.
         */
        private final Path live;
        /** Whether this export writes a new release, which is published when it is complete. */
        private final boolean release;
        private final ExportReleases releases;
        private final ExportProgress progress;
        private final long started = System.nanoTime();
        private final Instant startedAt = Instant.now();
        /** The manifest the last export here left. */
        private final ExportManifest.Contents last;
        private final Map<String, ExportManifest.Entry> previous;
        private final Map<String, ExportManifest.Entry> current = new ConcurrentHashMap<>();
        private final Set<String> seen = ConcurrentHashMap.newKeySet();
        private final Set<String> submitted = ConcurrentHashMap.newKeySet();
        private final Set<String> seedPaths = ConcurrentHashMap.newKeySet();
        private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger written = new AtomicInteger();
        private final AtomicInteger unchanged = new AtomicInteger();
        private final AtomicInteger skipped = new AtomicInteger();
        private final AtomicInteger rendered = new AtomicInteger();
        private final AtomicInteger pending = new AtomicInteger();
        private final CountDownLatch done = new CountDownLatch(1);
        private final String origin;
        private final String hostHeader;
        private final String forwardedProto;
        /** Scheme and authority of the absolute addresses the exported pages print (the redirects print them too). */
        private final String publicBase;
        private final Set<String> siteAuthorities = new HashSet<>();
        private final Map<String, String> canonicalLinks = new ConcurrentHashMap<>();
        private final ExecutorService workers;
        /**
         * The page keys of every change since the last export here started, or null when that is not known (no
         * manifest, another build or address, changes older than the record): then every page is built.
         */
        private final Set<String> changedKeys;
        private final Set<Long> seenChanges;
        /**
         * The published articles read ahead when many pages are built, else null; set before the first page is
         * scheduled.
         */
        private ArticleReadAhead readAhead;

        Run(Path published, URI address, ExportProgress progress) {
            this.published = published;
            this.progress = progress;
            this.last = ExportManifest.read(published);
            this.previous = last.entries();
            int port = localPort();
            String local = environment.getProperty("server.address", "127.0.0.1");
            String loopback = local.isBlank() || local.equals("0.0.0.0") || local.equals("::") ? "127.0.0.1" : local;
            this.origin = "http://" + (loopback.contains(":") ? "[" + loopback + "]" : loopback) + ":" + port;
            siteAuthorities.add(("127.0.0.1:" + port));
            siteAuthorities.add(("localhost:" + port));
            String host = address.getRawAuthority();
            forwardedProto = address.getScheme().toLowerCase(Locale.ROOT);
            siteAuthorities.add(host.toLowerCase(Locale.ROOT));
            if (!hostHeaderAllowed()) {
                // Pages still print the configured address (it comes before the request's in every page).
                warnings.add(texts.of("publish.export.warning.host-header", origin));
                host = null;
            }
            this.hostHeader = host;
            this.publicBase = forwardedProto + "://" + address.getRawAuthority();
            // The changes of the last moments before this start that are committed now: this export shows them.
            Map<Long, Set<String>> recent = changes.changesSince(startedAt.minus(COMMIT_MARGIN)).orElse(Map.of());
            this.seenChanges = Set.copyOf(recent.keySet());
            this.changedKeys = changedSince(last);
            this.releases = new ExportReleases(published);
            Path newRelease = null;
            if (changedKeys == null) {
                try {
                    newRelease = releases.begin(startedAt);
                } catch (IOException | RuntimeException e) {
                    warnings.add(texts.of("publish.export.warning.in-place", published, e.getMessage()));
                }
            }
            this.release = newRelease != null;
            this.root = release ? newRelease : published;
            this.live = release ? releases.live() : published;
            log.info("Export into {}: {}", root, changedKeys == null ? "every page is built"
                    : changedKeys.size() + " page keys changed since the last export");
            int parallelism = Math.min(16, Math.max(4, Runtime.getRuntime().availableProcessors() * 2));
            this.workers = Executors.newFixedThreadPool(parallelism, task -> {
                Thread thread = new Thread(task, "static-export");
                thread.setDaemon(true);
                return thread;
            });
        }

        /**
         * The keys of the changes the last export here did not see: recorded since a little before it started, other
         * than those it saw committed. Null when every page must be built.
         */
        private Set<String> changedSince(ExportManifest.Contents last) {
            if (last.started() == null || !build.equals(last.build()) || !publicBase.equals(last.publicBase())) {
                return null;
            }
            Map<Long, Set<String>> since = changes.changesSince(last.started().minus(COMMIT_MARGIN)).orElse(null);
            if (since == null) {
                return null;
            }
            Set<String> keys = new HashSet<>();
            since.forEach((id, changed) -> {
                if (!last.seen().contains(id)) {
                    keys.addAll(changed);
                }
            });
            return keys;
        }

        ExportResult execute() {
            try {
                crawl();
                writeRedirects();
                copyMedia();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.add(texts.of("publish.export.failure.interrupted"));
            } catch (IOException e) {
                failures.add(e.getMessage());
            } finally {
                workers.shutdownNow();
            }
            if (!failures.isEmpty() && release) {
                ExportReleases.abandon(root);
                throw incomplete();
            }
            if (!failures.isEmpty()) {
                // Keep owning every file written so far and before, so a later export can still clean them up; and
                // keep the last complete export's start, so the next one still builds what this one did not reach.
                Map<String, ExportManifest.Entry> merged = new HashMap<>(previous);
                merged.putAll(current);
                writeManifest(last.started(), last.build(), last.publicBase(), last.seen(), merged);
                throw incomplete();
            }
            int deleted = release ? (int) previous.keySet().stream().filter(name -> !current.containsKey(name)).count()
                    : deleteGoneFiles();
            if (release) {
                try {
                    keepOthersFiles();
                    writeManifest(startedAt, build, publicBase, seenChanges, current);
                    releases.publish(root);
                } catch (IOException | RuntimeException e) {
                    ExportReleases.abandon(root);
                    throw new ExportException(e, "publish.export.not-published", published, e.toString());
                }
            } else {
                writeManifest(startedAt, build, publicBase, seenChanges, current);
            }
            ExportResult result = new ExportResult(published.toString(), written.get(), unchanged.get(), deleted,
                    skipped.get(), rendered.get(), (System.nanoTime() - started) / 1e9, List.copyOf(warnings));
            log.info(result.summary());
            return result;
        }

        private ExportException incomplete() {
            List<String> shown = failures.stream().sorted().limit(5).toList();
            return new ExportException(release ? "publish.export.incomplete.unpublished" : "publish.export.incomplete",
                    failures.size(), String.join("；", shown));
        }

        private void crawl() throws InterruptedException {
            pending.incrementAndGet();
            seen.add(NOT_FOUND_FILE);
            // Every seed is known before the first page is built: a page's links to articles are then seeds
            // already, and the articles are built in the order of their seeds, which is the read-ahead's. When the
            // channel pages' links came first, they read 600 runs of the read-ahead out of order, and 88 % of the
            // bench site's article pages read their article on their own.
            List<String> seedList = new ArrayList<>();
            for (ExportSeeds source : seeds) {
                Stream<String> paths = changedKeys == null ? source.paths() : source.pathsAfter(changedKeys);
                paths.forEachOrdered(path -> {
                    String canonical = SiteLinks.normalize(path, "/", Set.of());
                    if (canonical != null && seedPaths.add(canonical)) {
                        seedList.add(canonical);
                    }
                });
            }
            if (changedKeys == null) {
                readAhead = renderer.readAhead();
            } else {
                walkLastExport();
            }
            seedList.forEach(this::submit);
            progress.found(1);
            schedule(this::exportNotFoundPage);
            finishTask();
            done.await();
        }

        /**
         * An export that follows the last one here goes through that one's files rather than every public article:
         * the files whose keys met no change are kept as they are (first, so that pages built again find them), the
         * others are built again from their addresses, and the links of the kept ones are followed as before. The
         * media, the redirects and their map, which name no keys, are made as in a full export.
         */
        private void walkLastExport() {
            List<ExportManifest.Entry> kept = new ArrayList<>();
            List<String> again = new ArrayList<>();
            for (ExportManifest.Entry entry : previous.values()) {
                String name = entry.file();
                if (entry.keys().isEmpty() || name.equals(NOT_FOUND_FILE)) {
                    continue;
                }
                if (unchanged(entry)) {
                    seen.add(name);
                    current.put(name, entry);
                    kept.add(entry);
                } else {
                    String path = SiteLinks.pathFor(name);
                    if (path != null) {
                        again.add(path);
                    }
                }
            }
            unchanged.addAndGet(kept.size());
            progress.found(kept.size());
            progress.finished(kept.size());
            if (again.size() >= READ_AHEAD_FROM) {
                readAhead = renderer.readAhead();
                again.sort(Comparator.comparingLong(StaticExporter::articleNumber)); // the read-ahead's order
            }
            again.forEach(this::submit);
            kept.forEach(entry -> entry.links().forEach(this::submit));
        }

        private void submit(String path) {
            // Every page links to the menu, the sidebar and the footer: most links were submitted already, and
            // this check is much cheaper than working out their files (hundreds of thousands per export).
            if (!submitted.add(path) || isExcluded(path)) {
                return;
            }
            Path file = SiteLinks.fileFor(root, path);
            if (file == null || !seen.add(relative(file))) {
                return;
            }
            progress.found(1);
            schedule(() -> fetch(path, file));
        }

        private void schedule(Runnable task) {
            pending.incrementAndGet();
            workers.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    failures.add(e.toString());
                } finally {
                    progress.finished();
                    finishTask();
                }
            });
        }

        private void finishTask() {
            if (pending.decrementAndGet() == 0) {
                done.countDown();
            }
        }

        private void fetch(String path, Path file) {
            String name = relative(file);
            rendered.incrementAndGet();
            ExportRenderer.Rendered built = renderer.render(path, publicBase, readAhead);
            if (built instanceof ExportRenderer.Page page) {
                List<String> links = page.linking() ? linksOf(path, page.bytes()) : List.of();
                save(name, file, page.bytes(), "", links, page.keys());
                links.forEach(this::submit);
                return;
            }
            if (built instanceof ExportRenderer.Moved moved) {
                skipped.incrementAndGet();
                String target = SiteLinks.normalize(moved.location(), path, siteAuthorities);
                if (target != null) {
                    submit(target);
                }
                return;
            }
            if (built instanceof ExportRenderer.Missing) {
                skipped.incrementAndGet();
                return;
            }
            ExportManifest.Entry before = previous.get(name);
            boolean inPlace = before != null && before.matches(root);
            boolean conditional = inPlace && !before.etag().isEmpty();
            HttpResponse<byte[]> response;
            try {
                response = client().send(request(path, conditional ? before.etag() : null),
                        HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                failures.add(path + "（" + e.getMessage() + "）");
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.add(texts.of("publish.export.failure.page-interrupted", path));
                return;
            }
            int status = response.statusCode();
            Set<String> keys = keysOf(path, response);
            if (status == 304 && conditional) {
                unchanged.incrementAndGet();
                current.put(name, new ExportManifest.Entry(name, before.etag(), before.size(), before.modified(),
                        before.links(), keys));
                before.links().forEach(this::submit);
            } else if (status == 200) {
                List<String> links = linksOf(path, response);
                save(name, file, response.body(), response.headers().firstValue("ETag").orElse(""), links, keys);
                links.forEach(this::submit);
            } else if (status >= 300 && status < 400) {
                skipped.incrementAndGet();
                response.headers().firstValue("Location")
                        .map(location -> SiteLinks.normalize(location, path, siteAuthorities))
                        .ifPresent(this::submit);
            } else if (status >= 500) {
                failures.add(path + "（HTTP " + status + "）");
            } else {
                skipped.incrementAndGet();
            }
        }

        /**
         * Whether the file of this entry of the last export stays as it is: what it shows is known and has not
         * changed since, and the file is still the one written then.
         */
        private boolean unchanged(ExportManifest.Entry entry) {
            return changedKeys != null && !entry.keys().isEmpty()
                    && entry.keys().stream().noneMatch(changedKeys::contains) && entry.matches(root);
        }

        private void exportNotFoundPage() {
            ExportManifest.Entry before = previous.get(NOT_FOUND_FILE);
            if (before != null && unchanged(before)) {
                unchanged.incrementAndGet();
                current.put(NOT_FOUND_FILE, before);
                return;
            }
            rendered.incrementAndGet();
            ExportRenderer.Page page = renderer.notFoundPage(publicBase);
            save(NOT_FOUND_FILE, root.resolve(NOT_FOUND_FILE), page.bytes(), "", List.of(), page.keys());
        }

        /** What the page shows, as the server names it to the export; none when not named (built every time). */
        private Set<String> keysOf(String path, HttpResponse<byte[]> response) {
            return response.headers().firstValue(PageCache.PAGE_KEYS_HEADER).map(PageCache::parseKeys)
                    .orElse(isBuildFile(path) ? Set.of(ExportRenderer.BUILD_FILE_KEY) : Set.of());
        }

        private HttpRequest request(String path, String ifNoneMatch) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(origin + path)).timeout(REQUEST_TIMEOUT)
                    .header("Accept", BROWSER_ACCEPT).GET();
            if (hostHeader != null) {
                builder.header("Host", hostHeader);
            }
            if (forwardedProto != null) {
                builder.header("X-Forwarded-Proto", forwardedProto);
            }
            if (ifNoneMatch != null) {
                builder.header("If-None-Match", ifNoneMatch);
            }
            return builder.header(PageCache.EXPORT_HEADER, cache.exportToken()).build();
        }

        /** Links of HTML, XML and text bodies, minus the seeds (which every export fetches anyway). */
        private List<String> linksOf(String path, HttpResponse<byte[]> response) {
            String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
            if (!type.startsWith("text/html") && !type.contains("xml") && !type.startsWith("text/plain")) {
                return List.of();
            }
            return linksOf(path, response.body());
        }

        private List<String> linksOf(String path, byte[] page) {
            return SiteLinks.extract(page, path, siteAuthorities, canonicalLinks).stream()
                    .filter(link -> !seedPaths.contains(link)).toList();
        }

        /**
         * Writes {@code bytes} unless the file already holds exactly them, and the compressed copies of a text file
         * ({@link Precompressed}) before it: a file whose bytes are in place has copies that match them.
         */
        private void save(String name, Path file, byte[] bytes, String etag, List<String> links, Set<String> keys) {
            try {
                Path before = earlier(file);
                boolean same = before != null && sameBytes(before, bytes);
                // A file of a new release whose bytes are those of the live one is linked to it, copies and all: the
                // web server's validators (time, size) stay the same, and nothing is compressed again.
                boolean linked = same && !before.equals(file);
                if (Precompressed.applies(name)) {
                    List<Precompressed.Copy> made = null;
                    for (int i = 0; i < copies.made().size(); i++) {
                        String suffix = copies.made().get(i);
                        Path copy = withSuffix(file, suffix);
                        if (linked && Files.isRegularFile(withSuffix(before, suffix))) {
                            link(withSuffix(before, suffix), copy);
                        } else if (!same || !Files.isRegularFile(copy)) {
                            made = made != null ? made : copies.of(bytes);
                            write(copy, made.get(i).bytes());
                        }
                    }
                    // A kind of copy no longer made would go stale beside a file rewritten in place (a new release
                    // holds only what this export puts there).
                    if (!release) {
                        for (String suffix : copies.notMade()) {
                            Files.deleteIfExists(withSuffix(file, suffix));
                        }
                    }
                }
                if (linked) {
                    link(before, file);
                }
                if (same) {
                    unchanged.incrementAndGet();
                } else {
                    write(file, bytes);
                    written.incrementAndGet();
                }
                current.put(name, new ExportManifest.Entry(name, etag, bytes.length,
                        Files.getLastModifiedTime(file).toMillis(), links, keys));
            } catch (IOException e) {
                failures.add(texts.of("publish.export.failure.write", name, e));
            }
        }

        /**
         * Redirect files at the old addresses of renamed or moved channels, for the pages this export found at their
         * new ones, and the nginx map of all of them; both are rewritten (or deleted) as the channels move on.
         */
        private void writeRedirects() {
            Map<String, String> moved = new TreeMap<>();
            seeds.forEach(source -> moved.putAll(source.movedFolders()));
            List<ExportRedirects.Redirect> redirects = ExportRedirects.of(moved, List.copyOf(current.keySet()));
            progress.found(redirects.size() + 1);
            for (ExportRedirects.Redirect redirect : redirects) {
                progress.finished();
                Path file = redirect.page() ? SiteLinks.fileFor(root, redirect.from()) : null;
                String name = file == null ? null : relative(file);
                if (name != null && !current.containsKey(name)) {
                    save(name, file, ExportRedirects.page(publicBase + redirect.to()), "", List.of(), Set.of());
                }
            }
            save(ExportRedirects.MAP_FILE, root.resolve(ExportRedirects.MAP_FILE),
                    ExportRedirects.nginxMap(redirects), "", List.of(), Set.of());
            progress.finished();
        }

        /**
         * The media folder is copied as it is, but for the unmarked originals of watermarked pictures and files still
         * being written; a file whose size and time match is taken as unchanged.
         */
        private void copyMedia() throws IOException {
            Path media = properties.mediaDir().toAbsolutePath().normalize();
            if (!Files.isDirectory(media)) {
                return;
            }
            List<Path> sources;
            try (Stream<Path> files = Files.walk(media)) {
                sources = files.filter(Files::isRegularFile).sorted().toList();
            }
            progress.found(sources.size());
            for (Path source : sources) {
                try {
                    String name = "media/" + media.relativize(source).toString().replace('\\', '/');
                    if (name.startsWith("media/" + MediaService.ORIGINALS + "/")
                            || source.getFileName().toString().startsWith(".")) {
                        continue;
                    }
                    if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                        warnings.add(texts.of("publish.export.warning.media-name", name.replaceAll("\\p{Cntrl}", "?")));
                        continue;
                    }
                    copyIfChanged(name, source, root.resolve(name));
                } finally {
                    progress.finished();
                }
            }
        }

        private void copyIfChanged(String name, Path source, Path target) throws IOException {
            long size = Files.size(source);
            long modified = Files.getLastModifiedTime(source).toMillis();
            Path before = earlier(target);
            boolean same = before != null && Files.isRegularFile(before) && Files.size(before) == size
                    && (Files.getLastModifiedTime(before).toMillis() == modified || Files.mismatch(source, before) < 0);
            if (same) {
                if (!before.equals(target)) {
                    link(before, target);
                }
                unchanged.incrementAndGet();
            } else {
                Files.createDirectories(target.getParent());
                Path temporary = temporaryBeside(target);
                Files.copy(source, temporary, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                written.incrementAndGet();
            }
            current.put(name, new ExportManifest.Entry(name, "", size, Files.getLastModifiedTime(target).toMillis(),
                    List.of(), Set.of()));
        }

        private int deleteGoneFiles() {
            int deleted = 0;
            for (String name : previous.keySet()) {
                if (current.containsKey(name)) {
                    continue;
                }
                Path file = root.resolve(name).normalize();
                try {
                    if (!file.startsWith(root)) {
                        continue;
                    }
                    for (String suffix : Precompressed.SUFFIXES) {
                        Files.deleteIfExists(withSuffix(file, suffix));
                    }
                    if (Files.deleteIfExists(file)) {
                        deleted++;
                        removeEmptyFolders(file.getParent());
                    }
                } catch (IOException e) {
                    warnings.add(texts.of("publish.export.warning.not-deleted", name, e.getMessage()));
                }
            }
            return deleted;
        }

        private void removeEmptyFolders(Path folder) throws IOException {
            for (Path dir = folder; dir != null && !dir.equals(root) && dir.startsWith(root); dir = dir.getParent()) {
                try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
                    if (children.iterator().hasNext()) {
                        return;
                    }
                }
                Files.delete(dir);
            }
        }

        private void writeManifest(Instant started, String builtBy, String base, Set<Long> seen,
                                   Map<String, ExportManifest.Entry> entries) {
            // Kept of a built page's links: those to what has no file here (a redirect, a page that was missing),
            // which the next export follows again. It reaches the files from the manifest itself: following their
            // links too cost a new JVM 0.2 s of the export after one edit. A fetched page keeps all its links: when
            // it comes back unchanged (304) they are all the export learns of it. A page built while the seeds were
            // still being listed may name some among its links.
            Map<String, Boolean> hasFile = new HashMap<>();
            Predicate<String> noFile = link -> seedPaths.contains(link) || isExcluded(link)
                    || hasFile.computeIfAbsent(link, path -> {
                        Path file = SiteLinks.fileFor(root, path);
                        return file != null && entries.containsKey(relative(file));
                    });
            List<ExportManifest.Entry> kept = entries.values().stream()
                    .map(entry -> entry == previous.get(entry.file()) ? entry
                            : entry.withoutLinks(entry.etag().isEmpty() ? noFile : seedPaths::contains)).toList();
            try {
                ExportManifest.write(root, started, builtBy, base, seen, kept);
            } catch (IOException e) {
                throw new ExportException(e, "publish.export.manifest", root.resolve(ExportManifest.FILE_NAME), e);
            }
        }

        private String relative(Path file) {
            return root.relativize(file).toString().replace('\\', '/');
        }

        /** Where {@code file} of this export was in the last one: itself in place, the live release's, or null. */
        private Path earlier(Path file) {
            return live == null ? null : live.resolve(root.relativize(file));
        }

        /** A file of a new release is written as it is (nobody reads the release yet), one in place atomically. */
        private void write(Path file, byte[] bytes) throws IOException {
            if (release) {
                createFolderOf(file);
                Files.write(file, bytes);
            } else {
                writeAtomically(file, bytes);
            }
        }

        /**
         * The files in the live folder that no export wrote (the operator's own, a search engine's verification
         * file) are linked into the new release: an export never touches them, whether it writes in place or not.
         */
        private void keepOthersFiles() throws IOException {
            if (live == null) {
                return;
            }
            Path manifest = live.resolve(ExportManifest.FILE_NAME);
            try (Stream<Path> files = Files.walk(live)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    String name = live.relativize(file).toString().replace('\\', '/');
                    Path target = root.resolve(name);
                    if (file.equals(live) || file.equals(manifest) || Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)
                            || isTemporary(file) || ownedByExport(name) || Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                        continue;
                    }
                    if (Files.isSymbolicLink(file)) {
                        Files.createDirectories(target.getParent());
                        Files.createSymbolicLink(target, Files.readSymbolicLink(file));
                    } else {
                        link(file, target);
                    }
                }
            }
        }

        /** Whether the last export wrote this file, or it is a compressed copy of one it wrote. */
        private boolean ownedByExport(String name) {
            if (previous.containsKey(name) || current.containsKey(name)) {
                return true;
            }
            for (String suffix : Precompressed.SUFFIXES) {
                if (name.endsWith(suffix) && previous.containsKey(name.substring(0, name.length() - suffix.length()))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A hard link to {@code existing} at {@code file}, or a copy where the file system has no hard links. */
    private static void link(Path existing, Path file) throws IOException {
        createFolderOf(file);
        try {
            Files.createLink(file, existing);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(existing, file, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Files.createDirectories makes (and catches) an exception for a folder that is there, and most are: asked for
     * each of a full export's 39,000 files, that was 2 % of the export threads' time.
     */
    private static void createFolderOf(Path file) throws IOException {
        if (!Files.isDirectory(file.getParent())) {
            Files.createDirectories(file.getParent());
        }
    }

    private static Path withSuffix(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    /** A file being written by an export that has not been renamed into place (an export stopped half-way). */
    private static boolean isTemporary(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") && name.endsWith(".tmp");
    }

    /** Writes the file beside its place and renames it over the old one, so no reader gets half of it. */
    private static void writeAtomically(Path file, byte[] bytes) throws IOException {
        createFolderOf(file);
        Path temporary = temporaryBeside(file);
        Files.write(temporary, bytes);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Where a file is written before it is renamed over {@code file}: the same folder (so the rename is atomic), a
     * hidden name the export's manifest never lists. Not Files.createTempFile: its files are private to us, and the
     * web server must read them.
     */
    private static Path temporaryBeside(Path file) {
        return file.resolveSibling("." + file.getFileName() + "." + Thread.currentThread().getId() + ".tmp");
    }

    private static boolean hostHeaderAllowed() {
        try {
            HttpRequest.newBuilder(URI.create("http://127.0.0.1/")).header("Host", "localhost");
            return true;
        } catch (IllegalArgumentException restricted) {
            return false;
        }
    }

    /** Scripts, styles and fonts served from the application itself: they change with the build only. */
    private static boolean isBuildFile(String path) {
        return path.startsWith(ExportRenderer.ASSETS) || path.startsWith("/webjars/");
    }

    private static boolean isExcluded(String path) {
        for (String prefix : NOT_EXPORTED) {
            if (path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/')) {
                return true;
            }
        }
        return false;
    }

    /** The article number of an article page's path, -1 for other pages. */
    private static long articleNumber(String path) {
        Matcher article = ARTICLE_PAGE.matcher(path);
        return article.matches() ? Long.parseLong(article.group(1)) : -1;
    }

    private static boolean sameBytes(Path file, byte[] bytes) throws IOException {
        return Files.isRegularFile(file) && Files.size(file) == bytes.length
                && Arrays.equals(Files.readAllBytes(file), bytes);
    }

    private int localPort() {
        if (context instanceof WebServerApplicationContext web && web.getWebServer() != null
                && web.getWebServer().getPort() > 0) {
            return web.getWebServer().getPort();
        }
        throw new ExportException("publish.export.no-server");
    }

    /**
     * The public address the exported pages print, from {@code dayuan.base-url} or else the site settings.
     *
     * @throws ExportException when neither is set: the pages would otherwise carry the loopback address the export
     *                         fetches them from, different in every run of the command line
     */
    private URI publicAddress() {
        URI address = siteUrl();
        if (address == null) {
            throw new ExportException("publish.export.no-address");
        }
        return address;
    }

    /** The public address, from {@code dayuan.base-url} or else the site settings; null when neither is set. */
    private URI siteUrl() {
        for (String candidate : new String[] {properties.baseUrl(), site.settings().siteUrl()}) {
            if (candidate != null && !candidate.isBlank()) {
                try {
                    URI uri = URI.create(candidate.trim());
                    if (uri.getScheme() != null && uri.getRawAuthority() != null) {
                        return uri;
                    }
                } catch (IllegalArgumentException e) {
                    log.warn("Ignoring unreadable site address {}", candidate);
                }
            }
        }
        return null;
    }
}
