package io.flowgate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.adapter.out.persistence.PersistenceUnit;
import jakarta.persistence.EntityManagerFactory;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glassfish.jersey.model.Parameter;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ExtendedResourceContext;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The hand-written OpenAPI document served at {@code /openapi.json} against the routes the server
 * really serves, in both directions: an undocumented route and a documented route that does not
 * exist both fail here.
 */
class OpenApiCoverageTest {

    @RegisterExtension
    static final RunningNode node = new RunningNode();

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head",
            "patch", "trace");
    /** A path template variable, also one with a regular expression that itself has braces: {@code {id: [0-9]{3}}}. */
    private static final Pattern TEMPLATE = Pattern.compile("\\{[^{}]*(?:\\{[^{}]*}[^{}]*)*}");
    private static final Pattern VARIABLE_NAME = Pattern.compile("\\{([^}]+)}");

    private static Set<String> served;
    /** The served routes that read {@code ?limit=}: the paged lists. */
    private static Set<String> servedPaged;

    /** The routes of the very application a node serves, from Jersey's own resource model of it. */
    @BeforeAll
    static void readServedRoutes() throws Exception {
        EntityManagerFactory entityManagerFactory = PersistenceUnit.create(node.database().dataSource());
        Wiring.Wired wired = Wiring.restApplication(Config.fromEnvironment(Map.of()),
                RunningNode.OPERATOR_TOKEN, Base64.getDecoder().decode(RunningNode.MASTER_KEY),
                node.database().dataSource(), node.database().dataSource(),
                () -> { throw new AssertionError("readiness is not probed here"); }, () -> entityManagerFactory);
        ApplicationHandler application = new ApplicationHandler(wired.application());
        try {
            served = new TreeSet<>();
            servedPaged = new TreeSet<>();
            for (Resource resource : application.getInjectionManager().getInstance(ExtendedResourceContext.class)
                    .getResourceModel().getRootResources()) {
                collect(resource, "", served, servedPaged);
            }
        } finally {
            application.getInjectionManager().shutdown();
            for (AutoCloseable resource : wired.resources()) {
                resource.close();
            }
            entityManagerFactory.close();
        }
    }

    @Test
    void everyServedRoute_isInTheDocument() {
        assertThat(served).as("the walk of the resource model found the routes")
                .contains("GET /health/live", "POST /orgs/{}/api/v1/apps/{}/credentials/jwks/generate",
                        "GET /.well-known/oauth-authorization-server/orgs/{}");

        assertThat(missing(served, documented(document()))).as("served but not in openapi.json").isEmpty();
    }

    @Test
    void everyDocumentedRoute_isServed() {
        assertThat(missing(documented(document()), served)).as("in openapi.json but not served").isEmpty();
    }

    @Test
    void openApiJson_isServedAsJsonDeclaringOpenApi31() {
        HttpResponse<String> response = node.http().get("/openapi.json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode document = Http.json(response);
        assertThat(document.path("openapi").asText()).matches("3\\.1\\.\\d+");
        assertThat(document.path("info").path("title").asText()).isNotBlank();
    }

    @Test
    void everyReference_pointsIntoTheDocument() {
        JsonNode document = document();
        List<String> references = new ArrayList<>();
        collectReferences(document, references);

        assertThat(references).isNotEmpty();
        assertThat(references.stream()
                .filter(reference -> !reference.startsWith("#/") || document.at(reference.substring(1)).isMissingNode())
                .toList()).as("references that resolve to nothing").isEmpty();
    }

    @Test
    void everyPathTemplateVariable_isDeclaredAsAPathParameter() {
        JsonNode document = document();
        document.path("paths").properties().forEach(path -> {
            Set<String> inTemplate = new HashSet<>();
            Matcher variables = VARIABLE_NAME.matcher(path.getKey());
            while (variables.find()) {
                inTemplate.add(variables.group(1));
            }
            Set<String> pathLevel = pathParameters(document, path.getValue().path("parameters"));
            path.getValue().properties().stream()
                    .filter(operation -> HTTP_METHODS.contains(operation.getKey()))
                    .forEach(operation -> {
                        Set<String> declared = new HashSet<>(pathLevel);
                        declared.addAll(pathParameters(document, operation.getValue().path("parameters")));
                        assertThat(declared).as(operation.getKey() + " " + path.getKey()).isEqualTo(inTemplate);
                    });
        });
    }

    /**
     * A list answers its next page in a {@code Link} header: every served route that reads
     * {@code ?limit=} documents {@code limit} and {@code after}, and every documented operation that
     * takes them declares the {@code Link} on its 200 and the 400 a bad value gets (and the reverse).
     */
    @Test
    void everyPagedList_documentsItsParameters_itsLinkHeader_andA400() {
        assertThat(servedPaged).as("the walk of the resource model found the paged lists")
                .contains("GET /orgs/{}/api/v1/apps", "GET /orgs/{}/api/v1/apps/{}/credentials/jwks",
                        "GET /orgs/{}/api/v1/apps/{}/grants", "GET /orgs/{}/api/v1/scopes");
        JsonNode document = document();
        Set<String> documentedPaged = new TreeSet<>();
        List<String> wrong = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().stream()
                .filter(operation -> HTTP_METHODS.contains(operation.getKey()))
                .forEach(operation -> {
                    String route = operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                    Set<String> query = queryParameters(document, path.getValue().path("parameters"));
                    query.addAll(queryParameters(document, operation.getValue().path("parameters")));
                    JsonNode responses = operation.getValue().path("responses");
                    boolean linked = responses.path("200").path("headers").has("Link");
                    if (!query.contains("limit") && !query.contains("after") && !linked) {
                        return;
                    }
                    documentedPaged.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + normalize(path.getKey()));
                    if (!query.containsAll(List.of("limit", "after"))) {
                        wrong.add(route + " lacks limit or after");
                    }
                    if (!linked) {
                        wrong.add(route + " declares no Link header on its 200");
                    }
                    if (!responses.has("400")) {
                        wrong.add(route + " declares no 400");
                    }
                }));

        assertThat(wrong).as("paged operations documented incompletely").isEmpty();
        assertThat(documentedPaged).as("operations documented as paged, against the routes that read ?limit=")
                .isEqualTo(servedPaged);
    }

    private static JsonNode document() {
        HttpResponse<String> response = node.http().get("/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        return Http.json(response);
    }

    private static void collect(Resource resource, String parentPath, Set<String> routes, Set<String> paged) {
        if (resource.isExtended()) {
            return;
        }
        String path = parentPath + "/" + resource.getPath();
        assertThat(resource.getResourceLocator()).as("sub-resource locators are not enumerable; serve " + path
                + " from a resource method so it can be documented and checked").isNull();
        for (ResourceMethod method : resource.getResourceMethods()) {
            if (!method.isExtended()) {
                routes.add(method.getHttpMethod() + " " + normalize(path));
                if (method.getInvocable().getParameters().stream().anyMatch(parameter ->
                        parameter.getSource() == Parameter.Source.QUERY && parameter.getSourceName().equals("limit"))) {
                    paged.add(method.getHttpMethod() + " " + normalize(path));
                }
            }
        }
        for (Resource child : resource.getChildResources()) {
            collect(child, path, routes, paged);
        }
    }

    private static Set<String> missing(Set<String> routes, Set<String> from) {
        Set<String> missing = new TreeSet<>(routes);
        missing.removeAll(from);
        return missing;
    }

    private static Set<String> documented(JsonNode document) {
        Set<String> routes = new TreeSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().stream()
                .map(Map.Entry::getKey)
                .filter(HTTP_METHODS::contains)
                .forEach(method -> routes.add(method.toUpperCase(Locale.ROOT) + " " + normalize(path.getKey()))));
        return routes;
    }

    /** {@code /orgs/{slug}/api/v1//apps/{appId}/} and {@code /orgs/{s}/api/v1/apps/{id}} are the same route. */
    private static String normalize(String path) {
        String collapsed = TEMPLATE.matcher(path).replaceAll("{}").replaceAll("/{2,}", "/");
        return collapsed.length() > 1 && collapsed.endsWith("/")
                ? collapsed.substring(0, collapsed.length() - 1)
                : collapsed;
    }

    private static Set<String> pathParameters(JsonNode document, JsonNode parameters) {
        return parametersIn("path", document, parameters);
    }

    private static Set<String> queryParameters(JsonNode document, JsonNode parameters) {
        return parametersIn("query", document, parameters);
    }

    private static Set<String> parametersIn(String in, JsonNode document, JsonNode parameters) {
        Set<String> names = new HashSet<>();
        for (JsonNode parameter : parameters) {
            JsonNode resolved = parameter.has("$ref")
                    ? document.at(parameter.get("$ref").asText().substring(1))
                    : parameter;
            if (resolved.path("in").asText().equals(in)) {
                names.add(resolved.path("name").asText());
            }
        }
        return names;
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        if (node.isObject() && node.has("$ref")) {
            references.add(node.get("$ref").asText());
        }
        node.forEach(child -> collectReferences(child, references));
    }
}
