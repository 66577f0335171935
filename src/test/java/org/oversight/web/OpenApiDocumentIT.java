package org.oversight.web;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.oversight.support.Http;
import org.oversight.support.IntegrationTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served OpenAPI document describes every /api/v1 endpoint, and docs/openapi.json is the committed copy: this
 * test fails when they differ (run it with -Doversight.openapi.write=true to refresh the copy, then commit it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDocumentIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void theServedDocumentDescribesTheApiAndMatchesTheCommittedCopy() throws Exception {
        Http.Response response = new Http(port).get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        JsonMapper json = JsonMapper.builder().build();
        JsonNode served = json.readTree(response.body());
        assertThat(served.get("info").get("title").asString()).isEqualTo("Oversight API");
        JsonNode paths = served.get("paths");
        assertThat(paths.has("/api/v1/local-authorities")).isTrue();
        assertThat(paths.has("/api/v1/local-authorities/{urn}")).isTrue();
        assertThat(paths.has("/api/v1/local-authorities/{urn}/inspections")).isTrue();
        assertThat(paths.has("/api/v1/inspections/{id}")).isTrue();
        assertThat(paths.get("/api/v1/local-authorities/{urn}/inspections").has("post")).isTrue();

        // Servers carry the random port; leave them out of the committed copy.
        ((tools.jackson.databind.node.ObjectNode) served).remove("servers");
        String pretty = json.writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n";
        Path committed = Path.of("docs/openapi.json");
        if (Boolean.getBoolean("oversight.openapi.write") || !Files.exists(committed)) {
            Files.writeString(committed, pretty);
        }
        assertThat(json.readTree(Files.readString(committed))).as("docs/openapi.json is up to date").isEqualTo(json.readTree(pretty));
    }
}
