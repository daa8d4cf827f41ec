package cn.dayuan.system;

/** What the command-line commands ({@code export}, {@code backup}, {@code restore}) print when something failed. */
public final class CommandMessages {

    private CommandMessages() {
    }

    /** The failure's message, with its root cause's where that is another. */
    public static String withRootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + "（" + root.getMessage() + "）";
    }
}
