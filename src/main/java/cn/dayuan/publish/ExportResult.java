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
 * @param warnings  things the editor should know about the result, in Chinese
 */
public record ExportResult(String directory, int written, int unchanged, int deleted, int skipped, double seconds,
                           List<String> warnings) implements Serializable {

    public int files() {
        return written + unchanged;
    }

    /** One line for logs and the command line. */
    public String summary() {
        return String.format("导出完成：共 %d 个文件，写入 %d 个，未变 %d 个，删除 %d 个，用时 %.2f 秒 → %s",
                files(), written, unchanged, deleted, seconds, directory);
    }
}
