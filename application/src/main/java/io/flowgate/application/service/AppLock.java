package io.flowgate.application.service;

import io.flowgate.application.port.out.UnitOfWork;
import io.flowgate.domain.app.AppId;

/**
 * One lock per app, held to the end of the transaction by every change to the app or its keys, and
 * taken before the app is read. So a change never acts on an app or key that a concurrent delete
 * is removing (it waits, then finds the app gone), a delete never removes an app that a concurrent
 * activation has just made ACTIVE, and the app's last active key stays on every node.
 */
final class AppLock {

    private AppLock() {
    }

    static void hold(UnitOfWork unitOfWork, AppId appId) {
        // The name predates the lock's use for the app itself; nodes of earlier versions take it too.
        unitOfWork.lock("app-keys:" + appId);
    }
}
