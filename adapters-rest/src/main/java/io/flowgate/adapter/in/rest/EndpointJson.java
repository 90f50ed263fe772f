package io.flowgate.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowgate.application.port.in.EndpointRequest;
import io.flowgate.domain.InvalidValue;
import io.flowgate.domain.app.AppId;
import io.flowgate.domain.policy.EndpointSecurityPolicy;
import io.flowgate.domain.policy.EndpointSettings;
import io.flowgate.domain.policy.RateLimit;
import io.flowgate.domain.policy.SecurityLevel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The endpoint settings in JSON: {@code {"security":"OAUTH2","allowedApps":"ANY"|[ids],
 * "rateLimit":{"perSecond":N}}}. {@code allowedApps} is a string or a list, so it is read by hand.
 */
final class EndpointJson {

    private static final Set<String> FIELDS = Set.of("security", "allowedApps", "rateLimit");

    private EndpointJson() {
    }

    static ObjectNode toJson(EndpointSettings settings) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("security", settings.security().level().name());
        if (settings.security() instanceof EndpointSecurityPolicy.OAuth2AnyApp) {
            json.put("allowedApps", "ANY");
        } else if (settings.security() instanceof EndpointSecurityPolicy.OAuth2SelectedApps selected) {
            ArrayNode apps = json.putArray("allowedApps");
            selected.allowedApps().stream().map(AppId::value).sorted().forEach(apps::add);
        }
        json.putObject("rateLimit").put("perSecond", settings.rateLimit().perSecond());
        return json;
    }

    static EndpointRequest fromJson(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidValue("", "the request needs a JSON object body");
        }
        body.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                throw new InvalidValue(field, "unknown field " + field);
            }
        });
        SecurityLevel security = security(body.get("security"));
        JsonNode apps = body.get("allowedApps");
        boolean any = apps != null && apps.isTextual() && apps.asText().equals("ANY");
        Optional<List<AppId>> listed = Optional.empty();
        if (apps != null && !apps.isNull() && !any) {
            listed = Optional.of(appIds(apps));
        }
        return new EndpointRequest(security, listed, any, rateLimit(body.get("rateLimit")));
    }

    private static SecurityLevel security(JsonNode node) {
        if (node == null || !node.isTextual()) {
            throw new InvalidValue("security", "security is required: one of " + Arrays.toString(SecurityLevel.values()));
        }
        try {
            return SecurityLevel.valueOf(node.asText());
        } catch (IllegalArgumentException e) {
            throw new InvalidValue("security", "security must be one of " + Arrays.toString(SecurityLevel.values()));
        }
    }

    private static List<AppId> appIds(JsonNode apps) {
        if (!apps.isArray()) {
            throw new InvalidValue("allowedApps", "allowedApps must be \"ANY\" or a list of app ids");
        }
        List<AppId> ids = new ArrayList<>();
        for (int i = 0; i < apps.size(); i++) {
            JsonNode id = apps.get(i);
            if (!id.isTextual()) {
                throw new InvalidValue("allowedApps/" + i, "an app id is a string");
            }
            try {
                ids.add(new AppId(id.asText()));
            } catch (InvalidValue e) {
                throw new InvalidValue("allowedApps/" + i, "there is no app with that id in this org");
            }
        }
        return ids;
    }

    private static Optional<RateLimit> rateLimit(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        JsonNode perSecond = node.get("perSecond");
        if (!node.isObject() || node.size() != 1 || perSecond == null || !perSecond.canConvertToInt()
                || !perSecond.isIntegralNumber()) {
            throw new InvalidValue("rateLimit/perSecond", "rateLimit must be {\"perSecond\": a whole number}");
        }
        return Optional.of(new RateLimit(perSecond.intValue()));
    }
}
