package org.symbiosiskb.api;

/** The caller's key does not allow this (a write outside its partner prefix, a reader writing, ...). */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
