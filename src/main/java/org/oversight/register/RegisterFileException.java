package org.oversight.register;

/** A register file that cannot be loaded; the message names the file, row and field. */
public class RegisterFileException extends RuntimeException {
    public RegisterFileException(String message) {
        super(message);
    }
}
