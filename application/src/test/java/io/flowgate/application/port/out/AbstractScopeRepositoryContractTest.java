package io.flowgate.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowgate.domain.scope.Scope;
import io.flowgate.domain.scope.ScopeName;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link ScopeRepository} serves: the catalog the product ships with. */
public abstract class AbstractScopeRepositoryContractTest {

    private static final Scope INVOKE_FLOWS =
            new Scope(Scope.INVOKE_FLOWS, "Invoke flows whose API endpoint is secured with OAuth 2.0");

    protected abstract ScopeRepository repository();

    protected abstract UnitOfWork unitOfWork();

    @Test
    void catalog_holdsTheInvokeFlowsScope_withItsDescription() {
        List<Scope> all = unitOfWork().inTransaction(() -> repository().all());

        assertThat(all).contains(INVOKE_FLOWS);
    }

    @Test
    void everyScopeOfTheCatalog_isFoundByItsName() {
        List<Scope> all = unitOfWork().inTransaction(() -> repository().all());

        assertThat(all).isNotEmpty().allSatisfy(scope ->
                assertThat(unitOfWork().inTransaction(() -> repository().find(scope.name()))).contains(scope));
    }

    @Test
    void unknownScope_isNotFound() {
        assertThat(unitOfWork().inTransaction(() -> repository().find(new ScopeName("okta.users.manage"))))
                .isEmpty();
    }
}
