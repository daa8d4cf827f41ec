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
     * Site addresses linked from {@code text}, the body of the page at {@code pagePath}.
     *
     * @param siteAuthorities host[:port] values under which absolute links point into this site
     */
    static Set<String> extract(String text, String pagePath, Set<String> siteAuthorities) {
        return extract(text, pagePath, siteAuthorities, new HashMap<>());
    }

    /**
     * As {@link #extract(String, String, Set)}, with the canonical forms of absolute links found so far: every page
     * links to the same menu, sidebar and footer, and working out their forms again was a tenth of an export.
     *
     * @param known link as written → its canonical form, or "" when it is not a site address; filled as it goes
     */
    static Set<String> extract(String text, String pagePath, Set<String> siteAuthorities, Map<String, String> known) {
        Set<String> links = new LinkedHashSet<>();
        for (String link : rawLinks(text)) {
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
     * The links of {@code text} as written, in order: quoted {@code href} and {@code src} attribute values,
     * {@code <loc>} and {@code <link>} element texts, robots.txt's {@code Sitemap:} lines. One pass over the
     * characters: a regular expression with these alternatives took a third of a full export's time.
     */
    static List<String> rawLinks(String text) {
        List<String> links = new ArrayList<>();
        int length = text.length();
        int at = 0;
        int lastEnd = 0;
        while (at < length) {
            char c = text.charAt(at);
            int end = -1;
            if (c == '=') {
                end = attributeValue(text, at, lastEnd, links);
            } else if (c == '<') {
                end = elementText(text, at, links);
            } else if (c == 'S' && (at == 0 || isLineEnd(text.charAt(at - 1)))) {
                end = sitemapLine(text, at, links);
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
    private static int attributeValue(String text, int equals, int from, List<String> links) {
        int name = equals;
        while (name > from && isSpace(text.charAt(name - 1))) {
            name--;
        }
        boolean href = name - 4 >= from && text.startsWith("href", name - 4) && !isWordChar(charBefore(text, name - 4));
        boolean src = !href && name - 3 >= from && text.startsWith("src", name - 3)
                && !isWordChar(charBefore(text, name - 3));
        if (!href && !src) {
            return -1;
        }
        int open = skipSpaces(text, equals + 1);
        if (open >= text.length() || (text.charAt(open) != '"' && text.charAt(open) != '\'')) {
            return -1;
        }
        int close = text.indexOf(text.charAt(open), open + 1);
        if (close < 0) {
            return -1;
        }
        links.add(text.substring(open + 1, close));
        return close + 1;
    }

    /** At the {@code <} of {@code <loc>…</loc>} or {@code <link>…</link>}: the end of the element, or -1. */
    private static int elementText(String text, int open, List<String> links) {
        int start = text.startsWith("<loc>", open) ? open + 5 : text.startsWith("<link>", open) ? open + 6 : -1;
        if (start < 0) {
            return -1;
        }
        int from = skipSpaces(text, start);
        int to = from;
        while (to < text.length() && text.charAt(to) != '<' && !isSpace(text.charAt(to))) {
            to++;
        }
        int close = skipSpaces(text, to);
        int end = text.startsWith("</loc>", close) ? close + 6 : text.startsWith("</link>", close) ? close + 7 : -1;
        if (to == from || end < 0) {
            return -1;
        }
        links.add(text.substring(from, to));
        return end;
    }

    /** At the start of a line: the end of a {@code Sitemap: address} line, or -1. */
    private static int sitemapLine(String text, int start, List<String> links) {
        if (!text.startsWith("Sitemap:", start)) {
            return -1;
        }
        int from = skipSpaces(text, start + 8);
        int to = from;
        while (to < text.length() && !isSpace(text.charAt(to))) {
            to++;
        }
        if (to == from) {
            return -1;
        }
        links.add(text.substring(from, to));
        return to;
    }

    private static int skipSpaces(String text, int at) {
        while (at < text.length() && isSpace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    private static char charBefore(String text, int at) {
        return at > 0 ? text.charAt(at - 1) : ' ';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static boolean isLineEnd(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
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
