package org.symbiosiskb.api;

/** The client asked for something that cannot be answered as asked; the message says what to change. */
public class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message);
    }
}
