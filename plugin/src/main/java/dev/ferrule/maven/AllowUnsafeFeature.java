package dev.ferrule.maven;

/**
 * One {@code <allowUnsafeFeature>} entry: a risky cargo feature allowed in release builds, and
 * the written reason why.
 */
public class AllowUnsafeFeature {

    private String name;
    private String reason;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
