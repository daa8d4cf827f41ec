package cn.dayuan.publish;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One rendered public page held in memory: its bytes, the headers it was rendered with, and everything a hit needs
 * precomputed, so that serving it is a handful of header sets and one write of a byte array.
 * Compressed copies are made on the first request that accepts them (a page that only the static export reads is
 * never compressed) and then count towards the page's weight. Equality is identity: the dependency index tells one
 * rendering of a page from the next.
 */
final class CachedPage {

    static final String CACHE_STATUS_HEADER = "X-Dayuan-Cache";
    static final String HIT = "HIT";
    static final String MISS = "MISS";
    /** Content is evicted the moment it changes, so browsers may store pages but must ask before reusing them. */
    static final String CACHE_CONTROL = "public, no-cache";

    private static final int GZIP = 1;
    private static final int BROTLI = 2;
    /** Below this size compression saves less than the headers it adds. */
    private static final int MIN_COMPRESSED_SIZE = 256;
    /** Bytes of bookkeeping per entry beyond the bodies: key, headers, index entries. */
    private static final int OVERHEAD = 512;
    private static final byte[] NOT_SMALLER = new byte[0];
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    final String cacheKey;
    final Set<String> pageKeys;
    /** 200, or a 404 or 301 of the public site (answered without validators: they are no representation). */
    final int status;
    private final String contentType;
    private final byte[] body;
    private final String[] headerNames;
    private final String[] headerValues;
    private final String vary;
    private final long lastModified;
    private final String lastModifiedHeader;
    private final String etag;
    private final String gzipEtag;
    private final String brotliEtag;
    private volatile byte[] gzip;
    private volatile byte[] brotli;

    /**
     * @param headers headers the page was rendered with, other than the ones the cache sets itself, as name/value
     *                pairs; replayed on every hit
     */
    CachedPage(String cacheKey, Set<String> pageKeys, String contentType, byte[] body, List<String[]> headers,
               String vary, Instant renderedAt) {
        this(cacheKey, HttpServletResponse.SC_OK, pageKeys, contentType, body, headers, vary, renderedAt);
    }

    CachedPage(String cacheKey, int status, Set<String> pageKeys, String contentType, byte[] body,
               List<String[]> headers, String vary, Instant renderedAt) {
        this.cacheKey = cacheKey;
        this.status = status;
        this.pageKeys = Set.copyOf(pageKeys);
        this.contentType = contentType;
        this.body = body;
        this.headerNames = headers.stream().map(h -> h[0]).toArray(String[]::new);
        this.headerValues = headers.stream().map(h -> h[1]).toArray(String[]::new);
        this.vary = vary;
        this.lastModified = renderedAt.getEpochSecond() * 1000;
        this.lastModifiedHeader = HTTP_DATE.format(Instant.ofEpochMilli(lastModified));
        String hash = contentHash(body);
        this.etag = '"' + hash + '"';
        this.gzipEtag = '"' + hash + "-gz\"";
        this.brotliEtag = '"' + hash + "-br\"";
    }

    /** Bytes the page holds: the body, the compressed copies made so far, and bookkeeping. */
    int weight() {
        long weight = (long) body.length + copySize(gzip) + copySize(brotli) + OVERHEAD + cacheKey.length() * 2L;
        return (int) Math.min(Integer.MAX_VALUE, weight);
    }

    private static int copySize(byte[] copy) {
        return copy == null ? 0 : copy.length;
    }

    byte[] body() {
        return body;
    }

    /** The strong validator of the uncompressed representation (what the static export compares). */
    String etag() {
        return etag;
    }

    /**
     * Answers {@code request} from this page: 304 when the client's copy is current, the body in the best encoding
     * the client accepts otherwise, and headers only for HEAD.
     *
     * @return whether a compressed copy was made for this request, so the page now weighs more
     */
    boolean serve(HttpServletRequest request, HttpServletResponse response, String cacheStatus) throws IOException {
        int accepted = acceptedEncodings(request.getHeader("Accept-Encoding"));
        long copiesBefore = copySize(gzip) + copySize(brotli);
        byte[] bytes = body;
        String representationEtag = etag;
        String contentEncoding = null;
        byte[] compressed;
        if ((accepted & BROTLI) != 0 && (compressed = brotli()) != null) {
            bytes = compressed;
            representationEtag = brotliEtag;
            contentEncoding = "br";
        } else if ((accepted & GZIP) != 0 && (compressed = gzip()) != null) {
            bytes = compressed;
            representationEtag = gzipEtag;
            contentEncoding = "gzip";
        }
        boolean grew = copySize(gzip) + copySize(brotli) != copiesBefore;
        for (int i = 0; i < headerNames.length; i++) {
            response.addHeader(headerNames[i], headerValues[i]);
        }
        boolean ok = status == HttpServletResponse.SC_OK;
        if (ok) {
            response.setHeader("ETag", representationEtag);
            response.setHeader("Last-Modified", lastModifiedHeader);
        }
        response.setHeader("Cache-Control", CACHE_CONTROL);
        response.setHeader("Vary", vary);
        response.setHeader(CACHE_STATUS_HEADER, cacheStatus);
        if (ok && notModified(request)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return grew;
        }
        response.setStatus(status);
        if (contentType != null) {
            response.setContentType(contentType);
        }
        if (contentEncoding != null) {
            response.setHeader("Content-Encoding", contentEncoding);
        }
        response.setContentLength(bytes.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(bytes);
        }
        return grew;
    }

    private boolean notModified(HttpServletRequest request) {
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null) {
            return matchesAnyRepresentation(ifNoneMatch);
        }
        try {
            long since = request.getDateHeader("If-Modified-Since");
            return since >= 0 && lastModified <= since;
        } catch (IllegalArgumentException unreadableDate) {
            return false;
        }
    }

    /** Weak comparison (RFC 9110 13.1.2): every encoding of this page carries the same content. */
    private boolean matchesAnyRepresentation(String ifNoneMatch) {
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag) || tag.equals(gzipEtag) || tag.equals(brotliEtag)) {
                return true;
            }
        }
        return false;
    }

    private byte[] gzip() {
        byte[] copy = gzip;
        if (copy == null) {
            copy = worthIt(body.length < MIN_COMPRESSED_SIZE ? NOT_SMALLER : Compression.gzip(body));
            gzip = copy;
        }
        return copy == NOT_SMALLER ? null : copy;
    }

    private byte[] brotli() {
        byte[] copy = brotli;
        if (copy == null) {
            copy = worthIt(body.length < MIN_COMPRESSED_SIZE || !Compression.BROTLI_AVAILABLE
                    ? NOT_SMALLER : Compression.brotli(body));
            brotli = copy;
        }
        return copy == NOT_SMALLER ? null : copy;
    }

    private byte[] worthIt(byte[] compressed) {
        return compressed.length == 0 || compressed.length >= body.length ? NOT_SMALLER : compressed;
    }

    /** The codings of {@code gzip} and {@code br} that an Accept-Encoding header allows, as a bit set. */
    static int acceptedEncodings(String header) {
        if (header == null) {
            return 0;
        }
        int accepted = 0;
        int refused = 0;
        boolean wildcard = false;
        int length = header.length();
        int start = 0;
        while (start < length) {
            int end = header.indexOf(',', start);
            if (end < 0) {
                end = length;
            }
            int nameStart = skipSpaces(header, start, end);
            int semicolon = header.indexOf(';', nameStart);
            int nameEnd = semicolon >= 0 && semicolon < end ? semicolon : end;
            while (nameEnd > nameStart && isSpace(header.charAt(nameEnd - 1))) {
                nameEnd--;
            }
            boolean zeroQuality = nameEnd < end && qualityIsZero(header, nameEnd + 1, end);
            int coding = 0;
            if (isToken(header, nameStart, nameEnd, "gzip")) {
                coding = GZIP;
            } else if (isToken(header, nameStart, nameEnd, "br")) {
                coding = BROTLI;
            } else if (isToken(header, nameStart, nameEnd, "*")) {
                wildcard = !zeroQuality;
            }
            if (zeroQuality) {
                refused |= coding;
            } else {
                accepted |= coding;
            }
            start = end + 1;
        }
        return accepted | (wildcard ? (GZIP | BROTLI) & ~refused : 0);
    }

    private static boolean qualityIsZero(String header, int from, int to) {
        int q = header.indexOf("q=", from);
        if (q < 0 || q >= to) {
            return false;
        }
        for (int i = q + 2; i < to; i++) {
            char c = header.charAt(i);
            if (c != '0' && c != '.' && !isSpace(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isToken(String header, int from, int to, String token) {
        return to - from == token.length() && header.regionMatches(true, from, token, 0, token.length());
    }

    private static int skipSpaces(String header, int from, int to) {
        while (from < to && isSpace(header.charAt(from))) {
            from++;
        }
        return from;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    private static String contentHash(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
