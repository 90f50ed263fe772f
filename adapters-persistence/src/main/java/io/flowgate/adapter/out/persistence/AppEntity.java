package io.flowgate.adapter.out.persistence;

import io.flowgate.domain.LifecycleStatus;
import io.flowgate.domain.app.App;
import io.flowgate.domain.app.AppId;
import io.flowgate.domain.org.OrgId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "apps")
class AppEntity {

    @Id
    String id;

    @Column(name = "org_id", nullable = false)
    String orgId;

    @Column(nullable = false)
    String label;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    LifecycleStatus status;

    @Column(nullable = false)
    Instant created;

    @Column(name = "last_updated", nullable = false)
    Instant lastUpdated;

    static AppEntity from(App app) {
        AppEntity entity = new AppEntity();
        entity.id = app.id().value();
        entity.orgId = app.orgId().value();
        entity.created = app.created();
        entity.copyChangeableFields(app);
        return entity;
    }

    /** The fields an App can change after it is registered. */
    void copyChangeableFields(App app) {
        label = app.label();
        status = app.status();
        lastUpdated = app.lastUpdated();
    }

    App toDomain() {
        return App.restore(new AppId(id), new OrgId(orgId), label, status, created, lastUpdated);
    }
}
