package cn.dayuan.publish;

import cn.dayuan.system.ReadableException;

/**
 * A static export that could not finish. Named by a key of the messages bundle with its arguments (see
 * {@link ReadableException}); the newsroom and the command line show the text through {@code system.Texts}.
 */
public class ExportException extends ReadableException {

    public ExportException(String key, Object... args) {
        super(key, args, null);
    }

    public ExportException(Throwable cause, String key, Object... args) {
        super(key, args, cause);
    }
}
