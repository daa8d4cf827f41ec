package cn.dayuan.tag;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.web.util.UriUtils;

/**
 * A tag as the newsroom sees it: how many articles carry it (whatever their status) and its old names, whose
 * pages answer 301 to this tag's page.
 */
public record TagView(long id, String name, long articleCount, List<String> aliases) {

    public TagView {
        aliases = List.copyOf(aliases);
    }

    /** The tag's public page, {@code /tag/{name}/}. */
    public String url() {
        return url(name);
    }

    public static String url(String name) {
        return "/tag/" + UriUtils.encodePathSegment(name, StandardCharsets.UTF_8) + "/";
    }

    TagView withAliases(List<String> aliases) {
        return new TagView(id, name, articleCount, aliases);
    }
}
