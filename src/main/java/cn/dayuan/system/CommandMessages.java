package cn.dayuan.system;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;

/** What the command-line commands ({@code export}, {@code backup}, {@code restore}) print when something failed. */
public final class CommandMessages {

    private CommandMessages() {
    }

    /**
     * The failure's message, with its root cause's where that is another; for a setting that could not be read, which
     * one and its value first (the web server's start is what fails, and its message names neither).
     */
    public static String withRootCause(Throwable e) {
        Throwable root = e;
        ConfigurationProperty setting = null;
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof BindException bind && bind.getProperty() != null && setting == null) {
                setting = bind.getProperty();
            }
            root = cause;
        }
        String message = root == e ? String.valueOf(e.getMessage()) : e.getMessage() + "（" + root.getMessage() + "）";
        return setting == null ? message
                : "设置项 " + setting.getName() + " 的值“" + setting.getValue() + "”无效：" + message;
    }
}
