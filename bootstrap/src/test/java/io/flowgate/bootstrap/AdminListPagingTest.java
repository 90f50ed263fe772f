package io.flowgate.bootstrap;

import static io.flowgate.bootstrap.AdminApiSupport.INVOKE_SCOPE;
import static io.flowgate.bootstrap.AdminApiSupport.assertBadRequestAt;
import static io.flowgate.bootstrap.AdminApiSupport.field;
import static io.flowgate.bootstrap.AdminApiSupport.nextPage;
import static io.flowgate.bootstrap.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An app's keys and grants, and the scope catalog, page like every other list: ?limit=&after= and a
 * Link to the next page.
 */
class AdminListPagingTest {

    @RegisterExtension
    static final RunningNode node = new RunningNode();

    @Test
    void appKeys_pageInIdOrder_withALinkToTheNextPage() {
        RunningNode.OrgAdmin acme = node.createOrg("acme");
        String keys = acme.api("/apps/" + json(node.http().post(acme.api("/apps"), "{\"label\":\"a\"}", acme.auth()))
                .get("id").asText() + "/credentials/jwks");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(json(node.http().post(keys + "/generate", "{\"alg\":\"ES256\"}", acme.auth())).get("id").asText());
        }

        HttpResponse<String> first = node.http().get(keys + "?limit=2", acme.auth());
        String link = first.headers().firstValue("Link").orElseThrow();
        HttpResponse<String> second = node.http().get(link.substring(link.indexOf("/orgs/"), link.indexOf('>')),
                acme.auth());

        assertThat(json(first)).extracting(key -> key.get("id").asText()).containsExactly(created.get(0), created.get(1));
        assertThat(link).endsWith("; rel=\"next\"").contains("after=" + created.get(1));
        assertThat(json(second)).extracting(key -> key.get("id").asText()).containsExactly(created.get(2));
        assertThat(second.headers().firstValue("Link")).isEmpty();
    }

    @Test
    void grants_pageToo_andABadLimitIsA400() {
        RunningNode.OrgAdmin acme = node.createOrg("acme");
        String grants = acme.api("/apps/" + json(node.http().post(acme.api("/apps"), "{\"label\":\"a\"}", acme.auth()))
                .get("id").asText() + "/grants");
        node.http().post(grants, "{\"scopeId\":\"okta.workflows.invoke.manage\"}", acme.auth());

        HttpResponse<String> page = node.http().get(grants + "?limit=1", acme.auth());

        assertThat(json(page)).hasSize(1);
        assertThat(page.headers().firstValue("Link")).isPresent();
        assertThat(node.http().get(grants + "?limit=0", acme.auth()).statusCode()).isEqualTo(400);
    }

    /**
     * The catalog ships one scope; this class's database gets a second, so that a page of one can
     * be full. Scopes are ordered by their ids, which are their names.
     */
    @Test
    void scopes_pageByName_withALinkToTheNextPage_andABadLimitOrCursorIsA400() throws SQLException {
        try (Connection connection = node.database().dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("insert into scopes (name, description)"
                    + " values ('flowgate.test.second', 'A second scope, for tests only') on conflict do nothing");
            connection.commit();
        }
        RunningNode.OrgAdmin acme = node.createOrg("acme");
        String scopes = acme.api("/scopes");

        HttpResponse<String> first = node.http().get(scopes + "?limit=1", acme.auth());
        HttpResponse<String> second = node.http().get(nextPage(first), acme.auth());
        HttpResponse<String> third = node.http().get(nextPage(second), acme.auth());
        HttpResponse<String> whole = node.http().get(scopes, acme.auth());

        assertThat(field(json(first), "id")).containsExactly("flowgate.test.second");
        assertThat(nextPage(first)).isEqualTo(scopes + "?limit=1&after=flowgate.test.second");
        assertThat(field(json(second), "id")).containsExactly(INVOKE_SCOPE);
        assertThat(json(third)).isEmpty();
        assertThat(third.headers().firstValue("Link")).isEmpty();
        assertThat(field(json(whole), "id")).containsExactly("flowgate.test.second", INVOKE_SCOPE);
        assertThat(whole.headers().firstValue("Link")).isEmpty();
        assertBadRequestAt(node.http().get(scopes + "?limit=0", acme.auth()), "/limit");
        assertBadRequestAt(node.http().get(scopes + "?limit=201", acme.auth()), "/limit");
        assertBadRequestAt(node.http().get(scopes + "?limit=ten", acme.auth()), "/limit");
        assertBadRequestAt(node.http().get(scopes + "?after=%7Bnot%20a%20scope%7D", acme.auth()), "/after");
    }
}
