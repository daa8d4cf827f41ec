package cn.dayuan.backup;

/** A backup or a restore failed; the message says why, in Chinese, for the newsroom and the command line. */
public class BackupException extends RuntimeException {

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }

    public BackupException(String message) {
        super(message);
    }
}
