package org.openita.server.identity.internal;

/** Sends a message to a person. Replace the default (the outbox) with a bean of your own to deliver mail. */
public interface MailSender {

    void send(String recipient, String subject, String body);
}
