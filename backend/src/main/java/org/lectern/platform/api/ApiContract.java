package org.lectern.platform.api;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.lectern.platform.ApiError;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;

/**
 * The REST API's OpenAPI 3 description (springdoc reads the controllers; served at /api/v1/openapi.json, the
 * interactive page at /api/docs). Each operation's summary is written on its controller method; the error answers
 * that follow from how the API works are described here once, from what the method takes, because every
 * controller shares them: 401 without a valid token, 403 for a role that may not, 404 for a resource that does not
 * exist or is not in the caller's courses, 400 for input that does not pass, 413 for a body over its cap. A 409 is
 * particular to an operation and is declared on its method ({@link ApiConflict}).
 * {@code ApiContractIT} fails when an operation lacks a summary or any of the answers that apply to it.
 */
@Configuration(proxyBeanMethods = false)
public class ApiContract {

    static final String BEARER = "bearer";
    static final String ERROR_SCHEMA = "ApiError";

    /** Calls about the caller's own account or the public catalog: no course role is checked, so no 403. */
    private static final Set<String> NO_COURSE_ROLE = Set.of("/api/v1/tokens", "/api/v1/tokens/current", "/api/v1/me",
            "/api/v1/me/password", "/api/v1/exercise-generators");

    @Bean
    OpenAPI lecternOpenApi() {
        Components components = new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("lct_…")
                .description("An API token from POST /api/v1/tokens (e-mail and password), sent as "
                        + "'Authorization: Bearer lct_…'. Tokens live 30 days (LECTERN_TOKENS_LIFETIME); each person "
                        + "lists and revokes theirs on /account or with GET/DELETE /api/v1/tokens."));
        ModelConverters.getInstance().read(ApiError.class).forEach(components::addSchemas);
        return new OpenAPI()
                .info(new Info().title("Lectern API").version("v1")
                        .description("Stable for scripts and the LMS integration. Every call but signing in needs a "
                                + "bearer token; errors are JSON {\"error\": code, \"detail\": a sentence}. Bodies "
                                + "that are not uploads are capped at 1 MB (LECTERN_WEB_MAX_API_BODY).")
                        .license(new License().name("AGPL-3.0").url("https://www.gnu.org/licenses/agpl-3.0.html")))
                .components(components)
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    OperationCustomizer lecternErrorAnswers() {
        return ApiContract::describeErrors;
    }

    static Operation describeErrors(Operation op, HandlerMethod handler) {
        String path = path(handler);
        boolean signIn = "/api/v1/tokens".equals(path) && handler.hasMethodAnnotation(PostMapping.class);
        List<MethodParameter> params = Arrays.asList(handler.getMethodParameters());
        boolean pathVariable = params.stream().anyMatch(p -> p.hasParameterAnnotation(PathVariable.class));
        boolean body = params.stream().anyMatch(p -> p.hasParameterAnnotation(RequestBody.class)
                || p.hasParameterAnnotation(RequestPart.class) || MultipartFile.class.isAssignableFrom(p.getParameterType())
                || MultipartFile.class.equals(org.springframework.core.ResolvableType.forMethodParameter(p).getGeneric(0).resolve()) // several file parts
                || p.getParameterType().getName().contains("MultipartHttpServletRequest"));
        boolean input = body || pathVariable || params.stream().anyMatch(p -> p.hasParameterAnnotation(RequestParam.class)
                || p.hasParameterAnnotation(RequestHeader.class));
        ApiResponses r = op.getResponses() == null ? new ApiResponses() : op.getResponses();
        op.setResponses(r);
        if (signIn) {
            op.setSecurity(List.of());
            add(r, "401", "Wrong e-mail or password, or no credentials (unknown e-mails are answered the same).");
            add(r, "429", "Too many failed sign-ins from this address or for this e-mail; the detail says when to retry.");
        } else {
            add(r, "401", "No bearer token, or an unknown, expired or revoked one.");
        }
        if (!NO_COURSE_ROLE.contains(path)) {
            add(r, "403", "The caller's role does not allow this (in this course, or on this site).");
        }
        if (pathVariable) {
            add(r, "404", "No such resource, or not one the caller may know about: an outsider gets the same answer "
                    + "whether it exists or not.");
        }
        if (input) {
            add(r, "400", "The input does not pass; the detail names what is wrong. Nothing was changed.");
        }
        ApiConflict conflict = handler.getMethodAnnotation(ApiConflict.class);
        if (conflict != null) {
            add(r, "409", conflict.value());
        }
        // Spring answers these before any controller runs (ApiFallbackController words them).
        var mapping = org.springframework.core.annotation.AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(),
                org.springframework.web.bind.annotation.RequestMapping.class);
        if (mapping != null && mapping.produces().length > 0) {
            add(r, "406", "The Accept header asks for something other than " + String.join(" or ", mapping.produces()) + ".");
        }
        if (mapping != null && mapping.consumes().length > 0) {
            add(r, "415", "The body's Content-Type is not " + String.join(" or ", mapping.consumes()) + ".");
        }
        if (body) {
            add(r, "413", "The body is over its cap (1 MB for JSON and CSV, LECTERN_WEB_MAX_API_BODY; uploads have "
                    + "their own limits). Nothing was changed.");
        }
        return op;
    }

    private static void add(ApiResponses responses, String code, String description) {
        if (responses.containsKey(code)) {
            // springdoc fills answers it found (a controller's own exception handler) with the bare reason phrase
            ApiResponse existing = responses.get(code);
            existing.setDescription(description);
            existing.setContent(errorContent());
            return;
        }
        responses.addApiResponse(code, new ApiResponse().description(description).content(errorContent()));
    }

    private static Content errorContent() {
        return new Content().addMediaType("application/json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ERROR_SCHEMA)));
    }

    /** The method's full path as declared (the class's prefix and the method's own). */
    private static String path(HandlerMethod handler) {
        String prefix = "";
        var classMapping = handler.getBeanType().getAnnotation(org.springframework.web.bind.annotation.RequestMapping.class);
        if (classMapping != null && classMapping.value().length > 0) {
            prefix = classMapping.value()[0];
        }
        var mapping = org.springframework.core.annotation.AnnotatedElementUtils.findMergedAnnotation(
                handler.getMethod(), org.springframework.web.bind.annotation.RequestMapping.class);
        String own = mapping == null || mapping.path().length == 0 ? "" : mapping.path()[0];
        return prefix + own;
    }
}
