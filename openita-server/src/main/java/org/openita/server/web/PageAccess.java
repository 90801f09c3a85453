package org.openita.server.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * The pages one module serves and who may open them. Each module that serves pages declares its own as a bean; the
 * security module applies every module's rules and refuses whatever none of them names, so a new page is closed
 * until its module opens it, and no list shared by every feature is edited for each one. A module names only its
 * own paths, which never overlap another module's, so the order in which modules are applied does not matter.
 */
@FunctionalInterface
public interface PageAccess {

    void rules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry pages);
}
