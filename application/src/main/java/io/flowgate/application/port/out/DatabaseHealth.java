package io.flowgate.application.port.out;

public interface DatabaseHealth {

    /**
     * The database answers now, within a bound that does not depend on it. (That it holds this
     * build's schema needs no check: a node migrates it before it starts to serve.)
     */
    boolean isReachable();
}
