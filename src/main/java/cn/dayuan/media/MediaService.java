package cn.dayuan.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.dayuan.account.Account;
import cn.dayuan.account.Permissions;
import cn.dayuan.account.Role;
import cn.dayuan.system.AuditEvent;
import cn.dayuan.system.ConflictException;
import cn.dayuan.system.ContentChangedEvent;
import cn.dayuan.system.DayuanProperties;
import cn.dayuan.system.ForbiddenException;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.NotFoundException;
import cn.dayuan.system.PageKeys;
import cn.dayuan.system.PlainText;

/**
 * The media library. An upload is read and re-encoded by {@link ImageIntake}, stored once per content under
 * {@code <media folder>/yyyy/MM/} with a name made of its hash, and copied at the sizes pages use. Every account may
 * upload and describe its own pictures; editors describe and delete any. A picture that an article uses (its
 * cover or its body, in any state, the recycle bin included) cannot be deleted.
 */
@Service
public class MediaService {

    public static final String THUMBNAIL = "thumbnail";
    public static final String COVER = "cover";
    public static final String LARGE = "large";
    /** The sizes made at upload: width in pixels. */
    static final Map<String, Integer> SIZES = Map.of(THUMBNAIL, 320, COVER, 800, LARGE, 1600);
    private static final List<String> SIZE_ORDER = List.of(THUMBNAIL, COVER, LARGE);
    /** Decoding a 40-megapixel picture takes 160 MB: at most two at a time, the rest wait their turn. */
    private static final Logger log = LoggerFactory.getLogger(MediaService.class);
    private static final Semaphore DECODING = new Semaphore(2);
    private static final int HASH_CHARACTERS = 24;
    /** Under the media folder: uploads kept unmarked when a watermark is on; never served or exported. */
    public static final String ORIGINALS = "originals";
    /** A stored picture's address, at any size: {@code /media/2026/12/<hash>(-<width>).jpg}. */
    private static final Pattern ADDRESS =
            Pattern.compile("/media/(\\d{4}/\\d{2}/[0-9a-f]{" + HASH_CHARACTERS + "})(?:-\\d+)?\\.(jpg|png)$");

    private final MediaRepository repository;
    private final Permissions permissions;
    private final DayuanProperties properties;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    MediaService(MediaRepository repository, Permissions permissions, DayuanProperties properties, JdbcTemplate jdbc,
                 TransactionTemplate transactions, ApplicationEventPublisher events) {
        this.repository = repository;
        this.permissions = permissions;
        this.properties = properties;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
    }

    /** What an upload gave: the picture, and whether it is new or the same content was there already. */
    public record Uploaded(MediaView media, boolean created) {
    }

    /** An article that shows a picture. */
    public record Usage(long articleId, String title, String status) {
    }

    /** Text about a picture: alt text for readers who cannot see it, caption, and the credit (图片来源). */
    public record Description(String alt, String caption, String credit) {

        public static final Description NONE = new Description(null, null, null);
    }

    /**
     * Takes an uploaded file. The same bytes uploaded again answer the picture stored the first time (its
     * description is kept; a description given now fills only what is still empty).
     */
    public Uploaded upload(byte[] bytes, String originalName, Description description, String actor) {
        Account uploader = permissions.require(actor, Role.AUTHOR);
        Description text = checked(description);
        String hash = sha256(bytes);
        var existing = repository.findByContentHash(hash);
        if (existing.isPresent()) {
            return new Uploaded(view(existing.get()), false);
        }
        ImageIntake.Picture picture = decodeInTurn(bytes);
        Instant now = Instant.now();
        Stored stored = store(picture, hash, now);
        String path = stored.path();
        String name = originalName == null ? null : PlainText.clean(fileName(originalName));
        try {
            MediaItem saved = transactions.execute(status -> {
                MediaItem item = new MediaItem(hash, path, picture.format().contentType, picture.width(),
                        picture.height(), sizeOf(path), limit(name, 200), uploader.getUsername(), now,
                        stored.webpSizes());
                item.describe(text.alt(), text.caption(), text.credit());
                MediaItem kept = repository.saveAndFlush(item);
                events.publishEvent(AuditEvent.of(uploader.getUsername(), "media.upload", "media:" + kept.getId())
                        .with("file", null, path).with("name", null, kept.getOriginalName()));
                return kept;
            });
            return new Uploaded(view(saved), true);
        } catch (DataIntegrityViolationException sameUploadAtOnce) {
            return new Uploaded(view(repository.findByContentHash(hash).orElseThrow(() -> sameUploadAtOnce)), false);
        }
    }

    /** Pictures whose name, alt text, caption or credit contains {@code query}, uploaded between the days given. */
    @Transactional(readOnly = true)
    public Page<MediaView> search(String query, LocalDate from, LocalDate to, int page, int size) {
        String pattern = "%" + (query == null ? "" : query.strip().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")) + "%";
        Instant since = from == null ? Instant.EPOCH : from.atStartOfDay(properties.timeZone()).toInstant();
        Instant until = to == null ? Instant.parse("9999-12-31T00:00:00Z")
                : to.plusDays(1).atStartOfDay(properties.timeZone()).toInstant();
        return repository.search(pattern, since, until, PageRequest.of(page, size)).map(this::view);
    }

    @Transactional(readOnly = true)
    public MediaView get(long id) {
        return view(find(id));
    }

    /**
     * The library's pictures among {@code addresses} (any size of a picture, site-relative or absolute), keyed by the
     * address given; other addresses are left out.
     */
    @Transactional(readOnly = true)
    public Map<String, MediaView> byAddress(Collection<String> addresses) {
        Map<String, String> pathOf = new LinkedHashMap<>();
        for (String address : addresses) {
            Matcher picture = ADDRESS.matcher(address == null ? "" : address);
            if (picture.find()) {
                pathOf.put(address, picture.group(1) + "." + picture.group(2));
            }
        }
        if (pathOf.isEmpty()) {
            return Map.of();
        }
        Map<String, MediaView> byPath = new LinkedHashMap<>();
        repository.findByPathIn(Set.copyOf(pathOf.values())).forEach(item -> byPath.put(item.getPath(), view(item)));
        Map<String, MediaView> found = new LinkedHashMap<>();
        pathOf.forEach((address, path) -> {
            if (byPath.containsKey(path)) {
                found.put(address, byPath.get(path));
            }
        });
        return found;
    }

    /** Changes a picture's description: its uploader, or an editor. */
    @Transactional
    public MediaView describe(long id, Description description, String actor) {
        Account account = permissions.require(actor, Role.AUTHOR);
        MediaItem item = find(id);
        requireMayChange(account, item);
        Description text = checked(description);
        events.publishEvent(AuditEvent.of(account.getUsername(), "media.describe", "media:" + id)
                .with("alt", item.getAlt(), text.alt()).with("caption", item.getCaption(), text.caption())
                .with("credit", item.getCredit(), text.credit()));
        item.describe(text.alt(), text.caption(), text.credit());
        return view(repository.saveAndFlush(item));
    }

    /** The articles that show the picture, in any state. */
    @Transactional(readOnly = true)
    public List<Usage> usages(long id) {
        return usages(find(id));
    }

    /** Deletes a picture and its files: its uploader or an editor, and only while no article shows it. */
    public void delete(long id, String actor) {
        Account account = permissions.require(actor, Role.AUTHOR);
        MediaItem deleted = transactions.execute(status -> {
            MediaItem item = find(id);
            requireMayChange(account, item);
            List<Usage> usedBy = usages(item);
            if (!usedBy.isEmpty()) {
                throw new ConflictException(usedBy.size() > 1 ? "media.in-use.many" : "media.in-use.one",
                        usedBy.size(), usedBy.get(0).title());
            }
            repository.delete(item);
            events.publishEvent(AuditEvent.of(account.getUsername(), "media.delete", "media:" + id)
                    .with("file", item.getPath(), null));
            return item;
        });
        for (String file : files(deleted)) {
            try {
                Files.deleteIfExists(properties.mediaDir().resolve(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private List<Usage> usages(MediaItem item) {
        // every copy shares the picture's file name up to its extension
        String stem = item.getPath().substring(0, item.getPath().lastIndexOf('.'));
        String pattern = "%/media/" + stem + "%";
        return jdbc.query("select id, title, status from article where cover_image like ? or body like ? order by id",
                (row, n) -> new Usage(row.getLong("id"), row.getString("title"), row.getString("status")),
                pattern, pattern);
    }

    private ImageIntake.Picture decodeInTurn(byte[] bytes) {
        if (bytes.length > ImageIntake.MAX_BYTES) {
            return ImageIntake.read(bytes); // refused before any decoding
        }
        DECODING.acquireUninterruptibly();
        try {
            return ImageIntake.read(bytes);
        } finally {
            DECODING.release();
        }
    }

    /** Where a picture was stored, and which of its sizes have a WebP copy (names, space-separated, or null). */
    private record Stored(String path, String webpSizes) {
    }

    /**
     * Writes the picture and its smaller copies; answers the picture's path under the media folder. With a watermark
     * on, the published full size, cover and large copies carry it (the thumbnail is too small for one) and the
     * upload is kept unmarked under {@link #ORIGINALS}, which is never served. Every size pages offer also gets a
     * WebP copy beside it ({@code <hash>-800.webp}), kept only where it is smaller than the JPEG or PNG one.
     */
    private Stored store(ImageIntake.Picture picture, String hash, Instant at) {
        ZonedDateTime local = at.atZone(properties.timeZone());
        String folder = "%04d/%02d".formatted(local.getYear(), local.getMonthValue());
        String stem = folder + "/" + hash.substring(0, HASH_CHARACTERS);
        String extension = "." + picture.format().extension;
        Watermark watermark = watermark();
        if (watermark.applies()) {
            write(ORIGINALS + "/" + stem + extension, ImageIntake.encode(picture));
        }
        ImageIntake.Picture shown = marked(picture, watermark);
        byte[] full = ImageIntake.encode(shown);
        write(stem + extension, full);
        List<Copy> copies = new ArrayList<>();
        List<String> sizesShowingTheFullPicture = new ArrayList<>();
        for (String size : SIZE_ORDER) {
            int width = SIZES.get(size);
            if (picture.width() > width) {
                ImageIntake.Picture scaled = ImageIntake.scaled(picture, width);
                ImageIntake.Picture copy = THUMBNAIL.equals(size) ? scaled : marked(scaled, watermark);
                byte[] bytes = ImageIntake.encode(copy);
                write(stem + "-" + width + extension, bytes);
                copies.add(new Copy(stem + "-" + width, copy, bytes.length, List.of(size)));
            } else {
                sizesShowingTheFullPicture.add(size);
            }
        }
        // a picture no wider than a size is that size itself (the full-size picture is not offered otherwise)
        if (!sizesShowingTheFullPicture.isEmpty()) {
            copies.add(new Copy(stem, shown, full.length, sizesShowingTheFullPicture));
        }
        return new Stored(stem + extension, webpCopies(copies));
    }

    /** A JPEG or PNG copy pages offer, as the sizes it serves: {@code stem} is its path without the extension. */
    private record Copy(String stem, ImageIntake.Picture picture, long bytes, List<String> sizes) {
    }

    /** Writes the WebP copy of each copy where it is smaller; answers the sizes that have one (or null for none). */
    private String webpCopies(List<Copy> copies) {
        List<String> webp = new ArrayList<>();
        for (Copy copy : copies) {
            byte[] encoded = ImageIntake.webp(copy.picture());
            if (encoded != null && encoded.length < copy.bytes()) {
                write(copy.stem() + ".webp", encoded);
                webp.addAll(copy.sizes());
            }
        }
        webp.sort(Comparator.comparingInt(SIZE_ORDER::indexOf));
        return webp.isEmpty() ? null : String.join(" ", webp);
    }

    /**
     * Makes the WebP copies of pictures stored without them: uploaded before Dayuan made any, or on a machine where
     * the encoder did not load. Takes up to {@code atMost} of them, reading the stored copies back (Dayuan's own
     * files, decoded as carefully as uploads); answers how many it looked at, none when the encoder is missing here.
     */
    public int addMissingWebpCopies(int atMost) {
        if (!ImageIntake.webpAvailable()) {
            return 0;
        }
        List<MediaItem> waiting = repository.findByWebpCheckedFalseOrderById(PageRequest.of(0, atMost));
        boolean copiesMade = false;
        for (MediaItem item : waiting) {
            String path = item.getPath();
            String stem = path.substring(0, path.lastIndexOf('.'));
            String extension = path.substring(path.lastIndexOf('.'));
            String sizes = null;
            try {
                List<Copy> copies = new ArrayList<>();
                List<String> sizesShowingTheFullPicture = new ArrayList<>();
                for (String size : SIZE_ORDER) {
                    int width = SIZES.get(size);
                    if (item.getWidth() > width) {
                        copies.add(storedCopy(stem + "-" + width, extension, List.of(size)));
                    } else {
                        sizesShowingTheFullPicture.add(size);
                    }
                }
                if (!sizesShowingTheFullPicture.isEmpty()) {
                    copies.add(storedCopy(stem, extension, sizesShowingTheFullPicture));
                }
                sizes = webpCopies(copies);
            } catch (IOException | UncheckedIOException | MediaRefusedException unreadable) {
                log.warn("No WebP copies of media {} ({}): {}", item.getId(), path, unreadable.toString());
            }
            String made = sizes;
            try {
                transactions.executeWithoutResult(status -> {
                    MediaItem current = find(item.getId());
                    current.webpCopiesMade(made);
                    repository.saveAndFlush(current);
                });
                copiesMade |= made != null;
            } catch (NotFoundException | OptimisticLockingFailureException changedMeanwhile) {
                log.debug("Media {} changed while its WebP copies were made; it is looked at again next time",
                        item.getId());
            }
        }
        if (copiesMade) {
            // pages show the copies from their next render on: one eviction for the batch
            transactions.executeWithoutResult(status -> events.publishEvent(ContentChangedEvent.of(PageKeys.SITE)));
        }
        return waiting.size();
    }

    private Copy storedCopy(String stem, String extension, List<String> sizes) throws IOException {
        byte[] bytes = Files.readAllBytes(properties.mediaDir().resolve(stem + extension));
        return new Copy(stem, decodeInTurn(bytes), bytes.length, sizes);
    }

    private static ImageIntake.Picture marked(ImageIntake.Picture picture, Watermark watermark) {
        return watermark.applies() ? ImageIntake.marked(picture, watermark) : picture;
    }

    /** The watermark new uploads get. */
    @Transactional(readOnly = true)
    public Watermark watermark() {
        return jdbc.query("select enabled, mark_text, position, opacity from media_watermark where id = 1",
                (row, n) -> new Watermark(row.getBoolean("enabled"), row.getString("mark_text"),
                        Watermark.Position.valueOf(row.getString("position")), row.getInt("opacity")))
                .stream().findFirst().orElse(Watermark.OFF);
    }

    /** Sets the watermark of later uploads (pictures already stored keep theirs): administrators. */
    @Transactional
    public Watermark setWatermark(Watermark watermark, String actor) {
        Account account = permissions.require(actor, Role.ADMIN);
        String text = text("text", watermark.text(), 20, "media.watermark.text.too-long");
        if (watermark.enabled() && text == null) {
            throw new InvalidInputException("text", "media.watermark.text.required");
        }
        if (watermark.opacity() < 10 || watermark.opacity() > 100) {
            throw new InvalidInputException("opacity", "media.watermark.opacity.invalid");
        }
        Watermark checked = new Watermark(watermark.enabled(), text,
                watermark.position() == null ? Watermark.Position.BOTTOM_RIGHT : watermark.position(),
                watermark.opacity());
        Watermark before = watermark();
        // one administrator's setting at a time: the last one saved is the watermark
        jdbc.update("delete from media_watermark where id = 1");
        jdbc.update("insert into media_watermark (id, enabled, mark_text, position, opacity, updated_by, updated_at)"
                        + " values (1, ?, ?, ?, ?, ?, ?)", checked.enabled(), checked.text(), checked.position().name(),
                checked.opacity(), account.getUsername(), java.sql.Timestamp.from(Instant.now()));
        events.publishEvent(AuditEvent.of(account.getUsername(), "media.watermark", "media:watermark")
                .with("enabled", before.enabled(), checked.enabled()).with("text", before.text(), checked.text())
                .with("position", before.position(), checked.position())
                .with("opacity", before.opacity(), checked.opacity()));
        return checked;
    }

    /** Written beside its place and moved in at once, so no reader ever gets half a picture. */
    private void write(String relative, byte[] content) {
        Path target = properties.mediaDir().resolve(relative);
        try {
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), ".upload-", ".part");
            try {
                Files.write(partial, content);
                try {
                    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long sizeOf(String relative) {
        try {
            return Files.size(properties.mediaDir().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MediaView view(MediaItem item) {
        String url = "/media/" + item.getPath();
        int dot = url.lastIndexOf('.');
        Set<String> webp = item.getWebpSizes() == null ? Set.of() : Set.of(item.getWebpSizes().split(" "));
        Map<String, MediaView.Size> sizes = new LinkedHashMap<>();
        for (String size : SIZE_ORDER) {
            int width = SIZES.get(size);
            String stem = item.getWidth() > width ? url.substring(0, dot) + "-" + width : url.substring(0, dot);
            sizes.put(size, item.getWidth() > width
                    ? new MediaView.Size(stem + url.substring(dot), width,
                            (int) Math.max(1, Math.round((double) item.getHeight() * width / item.getWidth())),
                            webp.contains(size) ? stem + ".webp" : null)
                    : new MediaView.Size(url, item.getWidth(), item.getHeight(),
                            webp.contains(size) ? stem + ".webp" : null));
        }
        String type = item.getContentType().substring("image/".length()).toUpperCase(Locale.ROOT);
        return new MediaView(item.getId(), url, type, item.getWidth(), item.getHeight(), item.getBytes(),
                item.getOriginalName(), item.getAlt(), item.getCaption(), item.getCredit(), item.getUploadedBy(),
                item.getUploadedAt(), item.getVersion(), sizes);
    }

    private List<String> files(MediaItem item) {
        String path = item.getPath();
        int dot = path.lastIndexOf('.');
        String stem = path.substring(0, dot);
        List<String> files = new ArrayList<>(List.of(path, ORIGINALS + "/" + path, stem + ".webp"));
        SIZES.values().stream().filter(w -> item.getWidth() > w).forEach(w -> {
            files.add(stem + "-" + w + path.substring(dot));
            files.add(stem + "-" + w + ".webp");
        });
        return files;
    }

    private MediaItem find(long id) {
        return repository.findById(id).orElseThrow(() -> new NotFoundException("media.not-found", id));
    }

    private static void requireMayChange(Account account, MediaItem item) {
        if (!account.getRole().includes(Role.EDITOR) && !account.getUsername().equals(item.getUploadedBy())) {
            throw new ForbiddenException("media.authors-own-only");
        }
    }

    private static Description checked(Description description) {
        Description d = description == null ? Description.NONE : description;
        return new Description(text("alt", d.alt(), 300, "media.alt.too-long"),
                text("caption", d.caption(), 500, "media.caption.too-long"),
                text("credit", d.credit(), 200, "media.credit.too-long"));
    }

    private static String text(String field, String value, int max, String tooLong) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String clean = PlainText.clean(value).strip();
        if (clean.length() > max) {
            throw new InvalidInputException(field, tooLong, max);
        }
        return clean;
    }

    /** The last part of a name a browser sent, without folders: {@code ../../x.jpg} is {@code x.jpg}. */
    private static String fileName(String name) {
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        return last.isEmpty() ? null : last;
    }

    private static String limit(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
