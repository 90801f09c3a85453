package org.openita.server.identity;

import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the very first start, creates one central administrator, "admin", with a one-time password printed
 * to the console; it must be changed at the first sign-in. Safe when several processes start together.
 */
@Component
class FirstAdministrator implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final UserAccounts accounts;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    FirstAdministrator(UserAccounts accounts, JdbcClient jdbc, TransactionTemplate tx) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void afterPropertiesSet() {
        tx.executeWithoutResult(s -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('first-administrator'))").query().singleRow();
            if (accounts.count() == 0) {
                String password = oneTimePassword();
                accounts.create("system", "admin", "ผู้ดูแลระบบ", Role.CENTRAL_ADMIN, password, true);
                log.warn("""

                        ================================================================
                         OpenITA: first administrator created / สร้างผู้ดูแลระบบคนแรกแล้ว
                           username / ชื่อผู้ใช้:      admin
                           password / รหัสผ่านครั้งเดียว: {}
                         Sign in at /login and choose a new password.
                         เข้าสู่ระบบที่ /login แล้วตั้งรหัสผ่านใหม่
                        ================================================================""", password);
            }
        });
    }

    static String oneTimePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
