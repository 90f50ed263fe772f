package io.flowgate.application.port.in;

import io.flowgate.domain.org.Org;

/** A new org and its first admin token, which is never shown again. */
public record OrgCreated(Org org, String adminToken) {
}
