package org.oversight.shared.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.Components;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API's OpenAPI description, served at /v3/api-docs (browsable at /api-docs) and committed as docs/openapi.json. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI oversightOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Oversight API").version("v1")
                        .description("The national register of local authority children's services and their Ofsted inspection "
                                + "activity. Published data is readable without signing in; changes need an LA manager or LA staff "
                                + "account of that LA (HTTP Basic). Dates are ISO 8601. Errors are RFC 9457 problem details; "
                                + "validation errors list each field under 'errors'.")
                        .license(new License().name("MIT")))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")));
    }
}
