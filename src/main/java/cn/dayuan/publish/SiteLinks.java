package cn.dayuan.publish;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The addresses a page links to, in one canonical form (absolute path, dot segments resolved, percent-encoded
 * UTF-8), and the file each address is exported to. Our own templates write plain attributes, so a scan for
 * {@code href}/{@code src} attributes, sitemap {@code <loc>}, feed {@code <link>} and robots.txt's
 * {@code Sitemap:} lines finds every link without parsing HTML.
 */
final class SiteLinks {

    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    private SiteLinks() {
    }

    /**
     * Site addresses linked from {@code page}, the UTF-8 body of the page at {@code pagePath}.
     *
     * @param siteAuthorities host[:port] values under which absolute links point into this site
     */
    static Set<String> extract(byte[] page, String pagePath, Set<String> siteAuthorities) {
        return extract(page, pagePath, siteAuthorities, new HashMap<>());
    }

    /**
     * As {@link #extract(byte[], String, Set)}, with the canonical forms of absolute links found so far: every page
     * links to the same menu, sidebar and footer, and working out their forms again was a tenth of an export.
     *
     * @param known link as written → its canonical form, or "" when it is not a site address; filled as it goes
     */
    static Set<String> extract(byte[] page, String pagePath, Set<String> siteAuthorities, Map<String, String> known) {
        Set<String> links = new LinkedHashSet<>();
        for (String link : rawLinks(page)) {
            String path;
            if (link.startsWith("/") || link.startsWith("http://") || link.startsWith("https://")) {
                path = known.computeIfAbsent(link, absolute -> {
                    String canonical = normalize(absolute.replace("&amp;", "&"), "/", siteAuthorities);
                    return canonical == null ? "" : canonical;
                });
            } else {
                path = normalize(link.replace("&amp;", "&"), pagePath, siteAuthorities);
            }
            if (path != null && !path.isEmpty()) {
                links.add(path);
            }
        }
        return links;
    }

    /**
     * The links of {@code page} (UTF-8) as written, in order: quoted {@code href} and {@code src} attribute values,
     * {@code <loc>} and {@code <link>} element texts, robots.txt's {@code Sitemap:} lines. One pass over the bytes,
     * which needs no decoding: every character these look for is ASCII, and no byte of a UTF-8 sequence for another
     * character is. (A regular expression with these alternatives took a third of a full export's time, a pass over
     * the page's text a tenth.)
     */
    static List<String> rawLinks(byte[] page) {
        List<String> links = new ArrayList<>();
        int length = page.length;
        int at = 0;
        int lastEnd = 0;
        while (at < length) {
            byte b = page[at];
            int end = -1;
            if (b == '=') {
                end = attributeValue(page, at, lastEnd, links);
            } else if (b == '<') {
                end = elementText(page, at, links);
            } else if (b == 'S' && isLineStart(page, at)) {
                end = sitemapLine(page, at, links);
            }
            if (end > at) {
                at = lastEnd = end;
            } else {
                at++;
            }
        }
        return links;
    }

    /**
     * At the {@code =} of {@code href="…"} or {@code src='…'} whose name starts at or after {@code from} (the end of
     * the last link found): the end of the value, or -1.
     */
    private static int attributeValue(byte[] page, int equals, int from, List<String> links) {
        int name = equals;
        while (name > from && isSpace(page[name - 1])) {
            name--;
        }
        boolean href = name - 4 >= from && startsWith(page, name - 4, "href") && !isWordByteBefore(page, name - 4);
        boolean src = !href && name - 3 >= from && startsWith(page, name - 3, "src")
                && !isWordByteBefore(page, name - 3);
        if (!href && !src) {
            return -1;
        }
        int open = skipSpaces(page, equals + 1);
        if (open >= page.length || (page[open] != '"' && page[open] != '\'')) {
            return -1;
        }
        int close = indexOf(page, page[open], open + 1);
        if (close < 0) {
            return -1;
        }
        links.add(text(page, open + 1, close));
        return close + 1;
    }

    /** At the {@code <} of {@code <loc>…</loc>} or {@code <link>…</link>}: the end of the element, or -1. */
    private static int elementText(byte[] page, int open, List<String> links) {
        int start = startsWith(page, open, "<loc>") ? open + 5 : startsWith(page, open, "<link>") ? open + 6 : -1;
        if (start < 0) {
            return -1;
        }
        int from = skipSpaces(page, start);
        int to = from;
        while (to < page.length && page[to] != '<' && !isSpace(page[to])) {
            to++;
        }
        int close = skipSpaces(page, to);
        int end = startsWith(page, close, "</loc>") ? close + 6 : startsWith(page, close, "</link>") ? close + 7 : -1;
        if (to == from || end < 0) {
            return -1;
        }
        links.add(text(page, from, to));
        return end;
    }

    /** At the start of a line: the end of a {@code Sitemap: address} line, or -1. */
    private static int sitemapLine(byte[] page, int start, List<String> links) {
        if (!startsWith(page, start, "Sitemap:")) {
            return -1;
        }
        int from = skipSpaces(page, start + 8);
        int to = from;
        while (to < page.length && !isSpace(page[to])) {
            to++;
        }
        if (to == from) {
            return -1;
        }
        links.add(text(page, from, to));
        return to;
    }

    private static String text(byte[] page, int from, int to) {
        return new String(page, from, to - from, StandardCharsets.UTF_8);
    }

    private static boolean startsWith(byte[] page, int at, String ascii) {
        if (at < 0 || at + ascii.length() > page.length) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (page[at + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] page, byte wanted, int from) {
        for (int at = from; at < page.length; at++) {
            if (page[at] == wanted) {
                return at;
            }
        }
        return -1;
    }

    private static int skipSpaces(byte[] page, int at) {
        while (at < page.length && isSpace(page[at])) {
            at++;
        }
        return at;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == 0x0B;
    }

    /**
     * Whether a letter, digit or {@code _} ends just before {@code at}. Any character beyond ASCII counts as one:
     * the pages' own text (Chinese) is where such a character stands before an attribute's name.
     */
    private static boolean isWordByteBefore(byte[] page, int at) {
        if (at == 0) {
            return false;
        }
        byte b = page[at - 1];
        return b < 0 || b >= '0' && b <= '9' || b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b == '_';
    }

    /** Whether {@code at} starts a line: after \n, \r, NEL (U+0085), U+2028 or U+2029, or at the start. */
    private static boolean isLineStart(byte[] page, int at) {
        if (at == 0) {
            return true;
        }
        byte last = page[at - 1];
        if (last == '\n' || last == '\r') {
            return true;
        }
        if (last == (byte) 0x85 && at >= 2 && page[at - 2] == (byte) 0xC2) {
            return true;
        }
        return (last == (byte) 0xA8 || last == (byte) 0xA9) && at >= 3 && page[at - 2] == (byte) 0x80
                && page[at - 3] == (byte) 0xE2;
    }

    /**
     * The canonical form of {@code link} as found on the page at {@code basePath}, or null when it leaves the site,
     * carries a query (no static file can answer it) or is not a plain path.
     */
    static String normalize(String link, String basePath, Set<String> siteAuthorities) {
        String value = link.trim();
        int fragment = value.indexOf('#');
        if (fragment >= 0) {
            value = value.substring(0, fragment);
        }
        if (value.isEmpty() || value.indexOf('?') >= 0) {
            return null;
        }
        String path;
        if (value.startsWith("//") || SCHEME.matcher(value).find()) {
            path = pathOnSite(value, siteAuthorities);
        } else if (value.startsWith("/")) {
            path = value;
        } else {
            path = basePath.substring(0, basePath.lastIndexOf('/') + 1) + value;
        }
        return path == null ? null : canonical(path);
    }

    /** The file {@code path} (canonical form) is written to under {@code root}, or null if it would leave it. */
    static Path fileFor(Path root, String path) {
        String decoded = decode(path);
        String relative = (decoded.endsWith("/") ? decoded + "index.html" : decoded).substring(1);
        Path file = root.resolve(relative).normalize();
        return file.startsWith(root) && !file.equals(root) ? file : null;
    }

    /**
     * The canonical path whose file is {@code name} (relative to the export folder): the inverse of
     * {@link #fileFor}, a folder's {@code index.html} standing for the folder. Null when no path gives that name.
     */
    static String pathFor(String name) {
        String index = "index.html";
        String decoded = "/" + (name.equals(index) || name.endsWith("/" + index)
                ? name.substring(0, name.length() - index.length()) : name);
        try {
            return new URI(null, null, decoded, null).toASCIIString();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String pathOnSite(String absolute, Set<String> siteAuthorities) {
        String rest;
        String lower = absolute.toLowerCase(Locale.ROOT);
        if (lower.startsWith("//")) {
            rest = absolute.substring(2);
        } else if (lower.startsWith("http://")) {
            rest = absolute.substring(7);
        } else if (lower.startsWith("https://")) {
            rest = absolute.substring(8);
        } else {
            return null;
        }
        int slash = rest.indexOf('/');
        String authority = (slash < 0 ? rest : rest.substring(0, slash)).toLowerCase(Locale.ROOT);
        if (!siteAuthorities.contains(authority)) {
            return null;
        }
        return slash < 0 ? "/" : rest.substring(slash);
    }

    /** Decodes, resolves dot segments, refuses hidden files and control characters, and encodes again. */
    private static String canonical(String path) {
        String decoded;
        try {
            decoded = decode(path);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
        if (decoded.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\')) {
            return null;
        }
        Deque<String> segments = new ArrayDeque<>();
        String[] parts = decoded.split("/", -1);
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            if (part.equals("..")) {
                if (segments.isEmpty()) {
                    return null;
                }
                segments.removeLast();
            } else if (part.startsWith(".") && !part.equals(".")) {
                return null;
            } else if (!part.equals(".") && (!part.isEmpty() || i == parts.length - 1)) {
                segments.addLast(part);
            }
        }
        String resolved = "/" + String.join("/", segments);
        try {
            return new URI(null, null, resolved, null).toASCIIString();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String decode(String path) {
        return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
