package cn.dayuan.publish;

/** A static export that could not finish; the message says why, in Chinese, for the editor or the shell. */
public class ExportException extends RuntimeException {

    public ExportException(String message) {
        super(message);
    }

    public ExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
