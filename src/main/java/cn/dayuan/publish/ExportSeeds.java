package cn.dayuan.publish;

import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Addresses the static export starts from. It fetches each, then follows every on-site link it finds (pagination,
 * tag pages, scripts and styles), so seeds only need to name what no page might link to.
 */
public interface ExportSeeds {

    /**
     * Site paths such as {@code /} or {@code /zcjh/123.html}; ones that answer 404 are skipped. Each is exported as
     * soon as it comes: a stream that reads its long parts last lets the first pages start meanwhile.
     */
    Stream<String> paths();

    /**
     * The seeds of an export that follows the last one here, whose files it walks anyway: those of {@link #paths()}
     * that these changes ({@link cn.dayuan.system.PageKeys}) may have brought. By default all of them.
     */
    default Stream<String> pathsAfter(Set<String> changedKeys) {
        return paths();
    }

    /**
     * Folders whose pages moved, old → current, as site paths ending in a slash ({@code /shehui/} →
     * {@code /minsheng/}): the export writes a redirect in the old folder for each page it exported in the new one.
     */
    default Map<String, String> movedFolders() {
        return Map.of();
    }
}
