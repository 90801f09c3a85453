package org.openita.server.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in settings.
 *
 * @param maxFailedAttempts wrong passwords in a row before the account is locked
 * @param lockout how long a locked account stays locked
 */
@ConfigurationProperties("openita.sign-in")
public record IdentityProperties(@DefaultValue("5") int maxFailedAttempts, @DefaultValue("15m") Duration lockout) {
}
