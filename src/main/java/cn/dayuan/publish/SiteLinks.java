package cn.dayuan.publish;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The addresses a page links to, in one canonical form (absolute path, dot segments resolved, percent-encoded
 * UTF-8), and the file each address is exported to. Our own templates write plain attributes, so a scan for
 * {@code href}/{@code src} attributes, sitemap {@code <loc>}, feed {@code <link>} and robots.txt's
 * {@code Sitemap:} lines finds every link without parsing HTML.
 */
final class SiteLinks {

    private static final Pattern LINK = Pattern.compile(
            "\\b(?:href|src)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')"
                    + "|<(?:loc|link)>\\s*([^<\\s]+)\\s*</(?:loc|link)>"
                    + "|^Sitemap:\\s*(\\S+)",
            // Case-sensitive: our templates and the sanitizer write lower case, and case folding at every character
            // made this scan a tenth of an export's time.
            Pattern.MULTILINE);
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    private SiteLinks() {
    }

    /**
     * Site addresses linked from {@code text}, the body of the page at {@code pagePath}.
     *
     * @param siteAuthorities host[:port] values under which absolute links point into this site
     */
    static Set<String> extract(String text, String pagePath, Set<String> siteAuthorities) {
        Set<String> links = new LinkedHashSet<>();
        Matcher matcher = LINK.matcher(text);
        while (matcher.find()) {
            String link = firstGroup(matcher);
            String path = normalize(link.replace("&amp;", "&"), pagePath, siteAuthorities);
            if (path != null) {
                links.add(path);
            }
        }
        return links;
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

    private static String firstGroup(Matcher matcher) {
        for (int group = 1; group <= matcher.groupCount(); group++) {
            if (matcher.group(group) != null) {
                return matcher.group(group);
            }
        }
        return "";
    }
}
