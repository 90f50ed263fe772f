-- Flowgate schema: every aggregate of the product. Ids are generated, time-ordered ASCII and
-- compared byte-wise (COLLATE "C") so that id-ordered pages are stable under any locale.
-- Rules that must hold across nodes live here as constraints, not in application code.

create table orgs (
    id          text collate "C" primary key,
    slug        text        not null,
    name        text        not null,
    created     timestamptz not null,
    constraint orgs_slug_key unique (slug)
);

create table admin_tokens (
    id          text collate "C" primary key,
    org_id      text collate "C" not null references orgs (id) on delete cascade,
    name        text        not null,
    token_hash  text        not null,
    created     timestamptz not null,
    constraint admin_tokens_token_hash_key unique (token_hash)
);
create index admin_tokens_org_idx on admin_tokens (org_id, id);

create table apps (
    id           text collate "C" primary key,
    org_id       text collate "C" not null references orgs (id) on delete cascade,
    label        text        not null,
    status       text        not null check (status in ('ACTIVE', 'INACTIVE')),
    created      timestamptz not null,
    last_updated timestamptz not null,
    -- lets children reference (org, app) so that nothing can point across orgs
    constraint apps_org_id_id_key unique (org_id, id)
);

create table app_keys (
    id           text collate "C" primary key,
    org_id       text collate "C" not null,
    app_id       text collate "C" not null,
    kid          text        not null,
    kty          text        not null check (kty in ('RSA', 'EC', 'OKP')),
    alg          text        not null check (alg in ('RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512',
                                                     'ES256', 'ES384', 'ES512', 'EdDSA')),
    public_jwk   text        not null,
    status       text        not null check (status in ('ACTIVE', 'INACTIVE')),
    created      timestamptz not null,
    last_updated timestamptz not null,
    constraint app_keys_app_fkey foreign key (org_id, app_id) references apps (org_id, id) on delete cascade,
    constraint app_keys_app_id_kid_key unique (app_id, kid)
);
create index app_keys_app_idx on app_keys (org_id, app_id, id);

create table scopes (
    name        text primary key,
    description text not null
);
insert into scopes (name, description)
values ('okta.workflows.invoke.manage', 'Invoke flows whose API endpoint is secured with OAuth 2.0');

create table scope_grants (
    id      text collate "C" primary key,
    org_id  text collate "C" not null,
    app_id  text collate "C" not null,
    scope   text        not null references scopes (name),
    created timestamptz not null,
    constraint scope_grants_app_fkey foreign key (org_id, app_id) references apps (org_id, id) on delete cascade,
    constraint scope_grants_app_id_scope_key unique (app_id, scope)
);
create index scope_grants_app_idx on scope_grants (org_id, app_id, id);

create table flows (
    id                    text collate "C" primary key,
    org_id                text collate "C" not null references orgs (id) on delete cascade,
    name                  text        not null,
    definition            text        not null,
    version               integer     not null check (version >= 1),
    status                text        not null check (status in ('ACTIVE', 'INACTIVE')),
    security              text        not null check (security in ('OAUTH2', 'CLIENT_TOKEN', 'PUBLIC')),
    -- OAUTH2 only: true = any app of the org holding the scope; false = the apps in flow_allowed_apps
    allow_any_app         boolean,
    -- CLIENT_TOKEN only: the hash of the client token, never the token
    client_token_hash     text,
    rate_limit_per_second integer     not null check (rate_limit_per_second >= 1),
    created               timestamptz not null,
    last_updated          timestamptz not null,
    constraint flows_org_id_id_key unique (org_id, id),
    constraint flows_oauth2_has_app_choice check ((security = 'OAUTH2') = (allow_any_app is not null)),
    constraint flows_client_token_has_hash check ((security = 'CLIENT_TOKEN') = (client_token_hash is not null))
);
create index flows_org_idx on flows (org_id, id);

-- An app id stays listed after the app is deleted: a deleted app gets no token, so it can never
-- call, and the list never silently turns empty.
create table flow_allowed_apps (
    flow_id text collate "C" not null references flows (id) on delete cascade,
    app_id  text collate "C" not null,
    primary key (flow_id, app_id)
);

-- Every version a flow has had, so an execution can be traced to the definition that ran.
create table flow_versions (
    flow_id    text collate "C" not null references flows (id) on delete cascade,
    version    integer     not null,
    name       text        not null,
    definition text        not null,
    created    timestamptz not null,
    primary key (flow_id, version)
);

create table flow_aliases (
    org_id  text collate "C" not null,
    alias   text collate "C" not null,
    flow_id text collate "C" not null,
    created timestamptz not null,
    constraint flow_aliases_pkey primary key (org_id, alias),
    constraint flow_aliases_flow_fkey foreign key (org_id, flow_id) references flows (org_id, id) on delete cascade
);
create index flow_aliases_flow_idx on flow_aliases (org_id, flow_id);

-- Executions outlive their flow: the history of a deleted flow is still the org's history.
create table executions (
    id                text collate "C" primary key,
    org_id            text collate "C" not null references orgs (id) on delete cascade,
    flow_id           text collate "C" not null,
    flow_version      integer     not null check (flow_version >= 1),
    status            text        not null check (status in ('RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT')),
    caller_client_id  text collate "C",
    caller_scopes     text        not null,
    caller_security   text        not null check (caller_security in ('OAUTH2', 'CLIENT_TOKEN', 'PUBLIC')),
    started           timestamptz not null,
    finished          timestamptz,
    error             text,
    steps             jsonb       not null,
    constraint executions_finished_when_ended check ((status = 'RUNNING') = (finished is null))
);
create index executions_flow_idx on executions (org_id, flow_id, id);

create table signing_keys (
    id                    text collate "C" primary key,
    org_id                text collate "C" not null references orgs (id) on delete cascade,
    kid                   text        not null,
    alg                   text        not null check (alg in ('RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512',
                                                              'ES256', 'ES384', 'ES512', 'EdDSA')),
    public_jwk            text        not null,
    encrypted_private_key bytea       not null,
    status                text        not null check (status in ('ACTIVE', 'PREVIOUS', 'RETIRED')),
    created               timestamptz not null,
    status_changed        timestamptz not null,
    constraint signing_keys_org_id_kid_key unique (org_id, kid)
);
create unique index signing_keys_one_active_per_org on signing_keys (org_id) where status = 'ACTIVE';

-- Seen client-assertion ids: the primary key makes "first use" one atomic insert on every node.
create table assertion_replays (
    org_id     text collate "C" not null,
    client_id  text collate "C" not null,
    jti        text        not null,
    expires_at timestamptz not null,
    primary key (org_id, client_id, jti)
);
create index assertion_replays_expiry_idx on assertion_replays (expires_at);

-- Access tokens revoked before their expiry (RFC 7009), kept until they would have expired.
create table revoked_tokens (
    org_id     text collate "C" not null references orgs (id) on delete cascade,
    jti        text        not null,
    expires_at timestamptz not null,
    primary key (org_id, jti)
);
create index revoked_tokens_expiry_idx on revoked_tokens (expires_at);

create table system_log (
    id         text collate "C" primary key,
    org_id     text collate "C" not null references orgs (id) on delete cascade,
    published  timestamptz not null,
    event_type text        not null,
    actor      text        not null,
    target     text        not null,
    outcome    text        not null check (outcome in ('SUCCESS', 'FAILURE')),
    reason     text
);
create index system_log_org_idx on system_log (org_id, id);
