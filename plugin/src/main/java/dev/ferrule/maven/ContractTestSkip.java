package dev.ferrule.maven;

/** A generated contract case turned off: {@code <test>} names it, {@code <reason>} says why. */
public class ContractTestSkip {

    private String test;
    private String reason;

    public String getTest() {
        return test;
    }

    public void setTest(String test) {
        this.test = test;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
