package dev.exchanger.server.db;

/** A setting that keeps the server from starting: what is wrong, naming the setting, and what to do. */
public class StartupSettingException extends RuntimeException {

    private final String action;

    public StartupSettingException(String description, String action) {
        super(description);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
