package org.openita.server.identity.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The default sender: keeps the message in the outbox table (readable on the outbox page) and logs that it did. */
class OutboxMailSender implements MailSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxMailSender.class);

    private final JdbcClient jdbc;

    OutboxMailSender(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void send(String recipient, String subject, String body) {
        jdbc.sql("insert into outbox_message (recipient, subject, body) values (?, ?, ?)").params(recipient, subject, body).update();
        log.info("Mail to {} kept in the outbox (no mail server configured): {}", recipient, subject);
    }
}
