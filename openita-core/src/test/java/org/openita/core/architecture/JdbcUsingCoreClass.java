package org.openita.core.architecture;

import java.sql.Connection;

/** A deliberate violation, used only to show that the architecture rule fails when it should. */
final class JdbcUsingCoreClass {

    Connection connection;
}
