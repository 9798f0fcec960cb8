package dev.ferrule.init;

/** ferrule:init cannot write the project: a bad name, existing files, or an I/O error. */
public class InitException extends Exception {

    private static final long serialVersionUID = 1L;

    public InitException(String message) {
        super(message);
    }

    public InitException(String message, Throwable cause) {
        super(message, cause);
    }
}
