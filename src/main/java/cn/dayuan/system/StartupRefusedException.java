package cn.dayuan.system;

/**
 * The configuration cannot work and Dayuan will not start with it. Reported by {@link StartupRefusedAnalyzer} as a
 * short description and what to do, instead of a stack trace.
 */
public class StartupRefusedException extends RuntimeException {

    private final String action;

    public StartupRefusedException(String description, String action) {
        super(description);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
