package cn.dayuan.publish;

import java.util.Collection;

/**
 * Addresses the static export starts from. It fetches each, then follows every on-site link it finds (pagination,
 * tag pages, scripts and styles), so seeds only need to name what no page might link to.
 */
public interface ExportSeeds {

    /** Site paths such as {@code /} or {@code /zcjh/123.html}; ones that answer 404 are skipped. */
    Collection<String> paths();
}
