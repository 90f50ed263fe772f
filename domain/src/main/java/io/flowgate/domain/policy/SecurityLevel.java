package io.flowgate.domain.policy;

/** How a flow's endpoint is secured, as the admin API names it. */
public enum SecurityLevel {
    OAUTH2,
    CLIENT_TOKEN,
    PUBLIC
}
