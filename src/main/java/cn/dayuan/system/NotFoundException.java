package cn.dayuan.system;

/** Something a reader or a client asked for does not exist (or is not public): answered with 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
