package io.flowgate.adapter.out.persistence;

import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.bytecode.internal.none.BytecodeProviderImpl;
import org.hibernate.bytecode.spi.BytecodeProvider;
import org.hibernate.service.spi.ServiceContributor;

/**
 * Hibernate's "none" bytecode provider: entities are built and read by reflection instead of by
 * classes Byte Buddy generates at start (a proxy, an instantiator and an accessor per entity),
 * which took about a second of each start. Our entities have no associations and we never ask
 * for references, so nothing needs a lazy proxy. Found by Hibernate through the service loader.
 */
public final class ReflectionOnlyBytecode implements ServiceContributor {

    @Override
    public void contribute(StandardServiceRegistryBuilder serviceRegistryBuilder) {
        serviceRegistryBuilder.addService(BytecodeProvider.class, new BytecodeProviderImpl());
    }
}
