package vn.truongso.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The OpenAPI document at /v3/api-docs: every /api/v1 call takes a bearer token (or the browser's session). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI truongSoOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Trường Số API").version("v1")
                        .description("""
                                The school directory, curriculum and (as they come) learning materials, question banks, tests and records \
                                of TruongSo. Errors are RFC 9457 problems: `detail` in Vietnamese, `detailEn` in English, and for bad \
                                input an `errors` list naming the sheet, row, column or field of each problem. A school outside the \
                                caller's grants answers 404.""")
                        .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("ts_…")
                                .description("An API token issued at POST /api/v1/me/tokens")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
