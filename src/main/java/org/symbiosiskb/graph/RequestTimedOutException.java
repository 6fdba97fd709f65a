package org.symbiosiskb.graph;

/** The request ran past its time limit; its database transaction was (or would have been) terminated. */
public class RequestTimedOutException extends RuntimeException {

    public RequestTimedOutException(RequestDeadline deadline, Throwable cause) {
        super("request time exceeds " + deadline.limit() + "; its database work was terminated. Ask for less "
                + "(a smaller maxDepth, a larger cutoff, fewer items) or ask the operator to raise the limit", cause);
    }
}
