package org.openita.server.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at /api/docs (and its browsable form at /api/docs/ui). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI openItaApi() {
        return new OpenAPI()
                .info(new Info().title("OpenITA API").version("v1")
                        .description("Import official ITA results, read them, plan and track the measures, and download the reports. "
                                + "Authenticate with a personal token (Authorization: Bearer oita_...) created on the API tokens page; "
                                + "it has the same rights as its owner. Errors are RFC 9457 problem details with a stable code.")
)
                .components(new Components().addSecuritySchemes("token",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("oita_...")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
