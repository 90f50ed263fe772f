package io.flowgate.application.port.in;

import io.flowgate.application.port.out.PageRequest;
import io.flowgate.domain.org.Org;
import java.util.List;

public interface ListOrgsUseCase {

    List<Org> listOrgs(PageRequest page);
}
