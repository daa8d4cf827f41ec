package cn.dayuan.publish;

import java.io.Serializable;
import java.util.List;

/**
 * What one static export did. Serializable: the newsroom carries it across a redirect in the session, which a
 * cluster keeps in Redis.
 *
 * @param directory the folder written, as an absolute path
 * @param written   files created or rewritten because their bytes changed
 * @param unchanged files left as they were
 * @param deleted   files of pages that no longer exist, removed
 * @param skipped   linked addresses that answered with a redirect or an error other than 5xx (not files)
 * @param rendered  pages built (or fetched from the running site) because they were new or showed what changed;
 *                  the others were known to be unchanged and left alone without building them
 * @param warnings  things the editor should know about the result, in Chinese (looked up from the messages bundle)
 */
public record ExportResult(String directory, int written, int unchanged, int deleted, int skipped, int rendered,
                           double seconds,
                           List<String> warnings) implements Serializable {

    public int files() {
        return written + unchanged;
    }

    /** One line for the log; the command line prints {@code publish.export.summary} from the bundle. */
    public String summary() {
        return String.format(
                "Exported %d files (%d written, %d unchanged, %d deleted, %d pages rendered) in %.2f s to %s",
                files(), written, unchanged, deleted, rendered, seconds, directory);
    }
}
