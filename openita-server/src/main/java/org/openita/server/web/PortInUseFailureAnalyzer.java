package org.openita.server.web;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * When the web port is taken, says in Thai and English how to start OpenITA on another one (ahead of Spring Boot's
 * own analyzer for the same failure, which speaks only of configuring the application).
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortInUseFailureAnalyzer extends AbstractFailureAnalyzer<PortInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PortInUseException cause) {
        int port = cause.getPort();
        int other = port > 0 && port < 65_535 ? port + 1 : 8081;
        return new FailureAnalysis(
                "Port " + port + " is already in use by another program, so OpenITA could not open its web pages.\n"
                        + "พอร์ต " + port + " มีโปรแกรมอื่นใช้อยู่ OpenITA จึงเปิดหน้าเว็บไม่ได้",
                "Start OpenITA on another port, for example " + other + ":\n"
                        + "    java -jar openita.jar --server.port=" + other + "\n"
                        + "  or set the PORT environment variable first (Linux/macOS: export PORT=" + other
                        + "; Windows: set PORT=" + other + "),\n"
                        + "  then open http://localhost:" + other + " . If the program on port " + port
                        + " is OpenITA itself, use it instead (http://localhost:" + port + ").\n"
                        + "เปิด OpenITA ที่พอร์ตอื่น เช่น " + other + ":\n"
                        + "    java -jar openita.jar --server.port=" + other + "\n"
                        + "  หรือกำหนดตัวแปร PORT ก่อน (Linux/macOS: export PORT=" + other + " ; Windows: set PORT=" + other + ")\n"
                        + "  แล้วเปิด http://localhost:" + other + " ถ้าโปรแกรมที่ใช้พอร์ต " + port
                        + " อยู่คือ OpenITA เอง ให้ใช้ตัวนั้น (http://localhost:" + port + ")",
                cause);
    }
}
