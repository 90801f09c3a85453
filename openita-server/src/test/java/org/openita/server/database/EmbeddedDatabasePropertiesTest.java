package org.openita.server.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** How the TCP setting reads from configuration: empty (as application.properties leaves it) means no TCP. */
class EmbeddedDatabasePropertiesTest {

    private static EmbeddedDatabaseProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("openita.embedded-db", Bindable.of(EmbeddedDatabaseProperties.class));
    }

    @Test
    void noTcpPortByDefaultAndWhenTheSettingIsEmpty() {
        assertThat(bind(Map.of()).tcpPort()).isNull();
        assertThat(bind(Map.of("openita.embedded-db.tcp-port", "")).tcpPort()).isNull();
    }

    @Test
    void aPortOrZeroTurnsTcpOn() {
        assertThat(bind(Map.of("openita.embedded-db.tcp-port", "5433")).tcpPort()).isEqualTo(5433);
        assertThat(bind(Map.of("openita.embedded-db.tcp-port", "0")).tcpPort()).isZero();
    }

    @Test
    void aPortOutOfRangeIsRefusedWithTheSettingsName() {
        assertThatThrownBy(() -> bind(Map.of("openita.embedded-db.tcp-port", "70000"))).isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("openita.embedded-db.tcp-port");
    }
}
