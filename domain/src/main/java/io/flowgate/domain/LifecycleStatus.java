package io.flowgate.domain;

/** The admin-controlled on/off state of apps, app keys and flows. */
public enum LifecycleStatus {
    ACTIVE,
    INACTIVE
}
