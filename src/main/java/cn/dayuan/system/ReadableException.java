package cn.dayuan.system;

import java.util.Arrays;

import org.springframework.context.MessageSourceResolvable;

/**
 * An error a user reads, named by a key of the messages bundle ({@code messages_zh_CN.properties}) with its
 * arguments; the text is looked up where it is shown ({@link Texts}), so services never hold a sentence. The
 * arguments are kept as they would read when concatenated (numbers are never grouped: {@code 12345}, not
 * {@code 12,345}); an argument that is itself a {@link MessageSourceResolvable} (another error, a label key) is
 * looked up too. {@link #getMessage()} is the key and arguments, for logs.
 */
public abstract class ReadableException extends RuntimeException implements MessageSourceResolvable {

    private final String key;
    private final Object[] args;
    private final String text;

    protected ReadableException(String key, Object[] args, Throwable cause) {
        this(key, args, cause, null);
    }

    /** An error whose text was already looked up, from {@code key}, by Bean Validation ({@link InputRules}). */
    protected ReadableException(String key, Object[] args, Throwable cause, String text) {
        super(key + (args.length == 0 ? "" : " " + Arrays.toString(Texts.plain(args))), cause);
        this.key = key;
        this.args = Texts.plain(args);
        this.text = text;
    }

    public String key() {
        return key;
    }

    @Override
    public String[] getCodes() {
        return text == null ? new String[] {key} : null;
    }

    @Override
    public String getDefaultMessage() {
        return text;
    }

    @Override
    public Object[] getArguments() {
        return args.clone();
    }
}
