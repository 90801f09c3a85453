package org.openita.server;

import org.openita.server.cli.OpenItaCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * One executable jar: with no arguments (or only Spring options such as {@code --server.port=9090}) it
 * serves the web application; with a subcommand it runs the {@code openita} command line.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@org.springframework.scheduling.annotation.EnableScheduling
public class OpenItaApplication {

    public static void main(String[] args) {
        if (OpenItaCommand.isCommandLine(args)) {
            System.exit(OpenItaCommand.run(args));
        }
        SpringApplication.run(OpenItaApplication.class, args);
    }
}
