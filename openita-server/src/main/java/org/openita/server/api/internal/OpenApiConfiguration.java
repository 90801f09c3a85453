package org.openita.server.api.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.openita.server.identity.PublicSite;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at /api/docs (and its browsable form at /api/docs/ui). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    /** The server entry comes from the configured public address; springdoc would otherwise take it from the request's Host header. */
    @Bean
    OpenAPI openItaApi(PublicSite site) {
        return new OpenAPI()
                .servers(List.of(new Server().url(site.publicBaseUrl())))
                .info(new Info().title("OpenITA API").version("v1")
                        .description("Import official ITA results, read them, plan and track the measures, and download the reports. "
                                + "Authenticate with a personal token (Authorization: Bearer oita_...) created on the API tokens page; "
                                + "it has the same rights as its owner. Errors are RFC 9457 problem details with a stable code.")
)
                .components(new Components().addSecuritySchemes("token",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("oita_...")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }

    /** Every operation documents its problem-detail answers, with the codes it may give. */
    @Bean
    org.springdoc.core.customizers.OpenApiCustomizer problemResponses() {
        return api -> {
            io.swagger.v3.oas.models.media.Schema<Object> problem = new io.swagger.v3.oas.models.media.ObjectSchema()
                    .description("RFC 9457 problem details")
                    .addProperty("type", new io.swagger.v3.oas.models.media.StringSchema().example("https://openita.org/problems/import-rejected"))
                    .addProperty("title", new io.swagger.v3.oas.models.media.StringSchema())
                    .addProperty("status", new io.swagger.v3.oas.models.media.IntegerSchema())
                    .addProperty("detail", new io.swagger.v3.oas.models.media.StringSchema().description("in English"))
                    .addProperty("detailTh", new io.swagger.v3.oas.models.media.StringSchema().description("in Thai"))
                    .addProperty("code", new io.swagger.v3.oas.models.media.StringSchema().description("stable: unauthenticated, forbidden, not-found, "
                            + "bad-parameter, malformed-body, unsupported-media-type, method-not-allowed, unreadable-file, import-rejected, "
                            + "validation-failed, version-conflict"))
                    .addProperty("problems", new io.swagger.v3.oas.models.media.ArraySchema().items(new io.swagger.v3.oas.models.media.ObjectSchema())
                            .description("each problem: row and column (imports) or field (measures), th, en"));
            api.getComponents().addSchemas("Problem", problem);
            io.swagger.v3.oas.models.media.Content content = new io.swagger.v3.oas.models.media.Content().addMediaType("application/problem+json",
                    new io.swagger.v3.oas.models.media.MediaType().schema(new io.swagger.v3.oas.models.media.Schema<>().$ref("#/components/schemas/Problem")));
            api.getPaths().values().forEach(path -> path.readOperationsMap().forEach((method, op) -> {
                var responses = op.getResponses();
                responses.addApiResponse("401", new io.swagger.v3.oas.models.responses.ApiResponse().description("unauthenticated: no valid token").content(content));
                responses.addApiResponse("403", new io.swagger.v3.oas.models.responses.ApiResponse().description("forbidden: you may read but not change this agency").content(content));
                responses.addApiResponse("404", new io.swagger.v3.oas.models.responses.ApiResponse().description("not-found: nothing here, or not yours to see").content(content));
                if (method != io.swagger.v3.oas.models.PathItem.HttpMethod.GET && method != io.swagger.v3.oas.models.PathItem.HttpMethod.DELETE) {
                    responses.addApiResponse("422", new io.swagger.v3.oas.models.responses.ApiResponse()
                            .description("import-rejected, unreadable-file or validation-failed, with every problem").content(content));
                }
                if (method == io.swagger.v3.oas.models.PathItem.HttpMethod.PUT) {
                    responses.addApiResponse("409", new io.swagger.v3.oas.models.responses.ApiResponse()
                            .description("version-conflict: changed by someone else since you read it").content(content));
                }
            }));
        };
    }
}
