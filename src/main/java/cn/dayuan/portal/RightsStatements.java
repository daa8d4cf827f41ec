package cn.dayuan.portal;

import cn.dayuan.article.RightsType;
import cn.dayuan.site.SiteSettings;

/** The rights statement printed under an article, chosen by its rights type from the site's texts. */
final class RightsStatements {

    /** Stands in for a reprinted article's source when the editor left it blank. */
    static final String UNNAMED_SOURCE = "其他媒体";

    private RightsStatements() {
    }

    static String of(SiteSettings site, RightsType type, String source) {
        return switch (type == null ? RightsType.ORIGINAL : type) {
            case ORIGINAL -> site.rightsOriginal();
            case AUTHORIZED -> site.rightsAuthorized();
            case REPRINT -> site.rightsReprint().replace("{source}",
                    source == null || source.isBlank() ? UNNAMED_SOURCE : source);
        };
    }
}
