package cn.dayuan.publish;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * The redirects a static export writes for the old addresses of renamed or moved channels, so that a site served
 * from files keeps its old links working as the portal does: for each page exported in a channel's current folder
 * (channel pages, articles), a small HTML file at the old address that sends browsers and search engines on to the
 * new one, and one nginx {@code map} of every old address (feeds included) for a real 301.
 */
final class ExportRedirects {

    /** The export's nginx map; README, "Static export", says how to include it. */
    static final String MAP_FILE = "nginx-redirects.map";

    /** The files of a channel folder that have an address of their own below the channel's path. */
    private static final Pattern CHANNEL_FILE = Pattern.compile("index\\.html|index_\\d{1,9}\\.html|\\d{1,18}\\.html"
            + "|feed\\.xml|atom\\.xml");

    /**
     * One old address and the current one, both site paths.
     *
     * @param page whether the old address gets an HTML file (a feed reader gains nothing from an HTML page)
     */
    record Redirect(String from, String to, boolean page) {
    }

    private ExportRedirects() {
    }

    /**
     * The redirects for {@code moved} folders (old → current site path, both ending in a slash), one for each file
     * exported directly in a current folder, plus the old folder without its slash (map only).
     *
     * @param exported the export's files, relative to its folder, with {@code /}
     */
    static List<Redirect> of(Map<String, String> moved, Collection<String> exported) {
        TreeSet<String> files = new TreeSet<>(exported);
        List<Redirect> redirects = new ArrayList<>();
        moved.forEach((from, to) -> {
            redirects.add(new Redirect(from.substring(0, from.length() - 1), to, false));
            String folder = to.substring(1);
            for (String file : files.tailSet(folder)) {
                if (!file.startsWith(folder)) {
                    break;
                }
                String name = file.substring(folder.length());
                if (CHANNEL_FILE.matcher(name).matches()) {
                    String page = name.equals("index.html") ? "" : name;
                    redirects.add(new Redirect(from + page, to + page, !name.endsWith(".xml")));
                }
            }
        });
        return redirects;
    }

    /** The HTML file at an old address: a refresh, the canonical link and a link to follow by hand. */
    static byte[] page(String absoluteTarget) {
        String target = HtmlUtils.htmlEscape(absoluteTarget, "UTF-8");
        return ("<!DOCTYPE html>\n"
                + "<html lang=\"zh-CN\">\n"
                + "<head>\n"
                + "<meta charset=\"utf-8\">\n"
                + "<title>本页已迁移</title>\n"
                + "<meta http-equiv=\"refresh\" content=\"0; url=" + target + "\">\n"
                + "<link rel=\"canonical\" href=\"" + target + "\">\n"
                + "<meta name=\"robots\" content=\"noindex\">\n"
                + "</head>\n"
                + "<body>\n"
                + "<p>本页已迁移至 <a href=\"" + target + "\">" + target + "</a>，请更新您的书签。</p>\n"
                + "</body>\n"
                + "</html>\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The nginx map of every old address to its current one. Channel paths are slugs ({@code [a-z0-9-]}) and the
     * files are digits and fixed names, so no entry needs quoting.
     */
    static byte[] nginxMap(List<Redirect> redirects) {
        StringBuilder map = new StringBuilder()
                .append("# Written by Dayuan's static export: the old addresses of renamed or moved channels and their\n")
                .append("# pages, each with its current address. In nginx's http block:\n")
                .append("#     include ").append("/path/to/export/").append(MAP_FILE).append(";\n")
                .append("# and in the site's server block:\n")
                .append("#     if ($dayuan_redirect) { return 301 $dayuan_redirect; }\n")
                .append("map $uri $dayuan_redirect {\n")
                .append("    default \"\";\n");
        redirects.stream().sorted((a, b) -> a.from().compareTo(b.from())).forEach(redirect ->
                map.append("    ").append(redirect.from()).append(' ').append(redirect.to()).append(";\n"));
        return map.append("}\n").toString().getBytes(StandardCharsets.UTF_8);
    }
}
