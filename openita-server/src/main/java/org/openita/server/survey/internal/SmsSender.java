package org.openita.server.survey.internal;

/**
 * Sends one text message. The phone check asks it to send a code; whether it went is all it needs to know. A
 * deployment that reaches its SMS provider otherwise (a library, a queue) declares its own bean of this type and the
 * HTTP gateway is not made.
 */
public interface SmsSender {

    /**
     * Sends {@code text} to a Thai mobile, or throws.
     *
     * @param to the number as 66XXXXXXXXX
     * @param toLocal the same number as 0XXXXXXXXX
     * @throws Failed when the message was not accepted (the gateway is down, slow, or refused it)
     */
    void send(String to, String toLocal, String text) throws Failed;

    /** The message was not accepted; the reason is for the log, never for the respondent. */
    final class Failed extends Exception {
        public Failed(String reason, Throwable cause) {
            super(reason, cause, false, false);
        }
    }
}
