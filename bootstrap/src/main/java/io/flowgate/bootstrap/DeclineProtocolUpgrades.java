package io.flowgate.bootstrap;

import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.FilterChainEvent;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpEvents.IncomingHttpUpgradeEvent;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;

/**
 * Answers a request that asks to switch protocols ({@code Upgrade: h2c}, as the JDK's HttpClient
 * and {@code curl --http2} send on {@code http://} URLs, or {@code websocket}) in HTTP/1.1, as if the
 * header were absent, which RFC 9110 (section 7.8) allows a server that stays with its protocol.
 * Flowgate speaks no other protocol, and Grizzly, seeing the header, would take everything after
 * the request's head for the new protocol's bytes: a POST's body was never read to its end, so the
 * request went unanswered until the client gave up.
 */
final class DeclineProtocolUpgrades implements AddOn {

    @Override
    public void setup(NetworkListener listener, FilterChainBuilder chain) {
        // Right after the HTTP parser, which reports the upgrade to the filters after it before it
        // decides how to read the body.
        chain.add(chain.indexOfType(HttpServerFilter.class) + 1, new BaseFilter() {
            @Override
            public NextAction handleEvent(FilterChainContext context, FilterChainEvent event) {
                if (event instanceof IncomingHttpUpgradeEvent upgrade) {
                    HttpHeader request = upgrade.getHttpHeader();
                    request.getUpgradeDC().recycle();
                    request.setIgnoreContentModifiers(false);
                    return context.getStopAction();
                }
                return context.getInvokeAction();
            }
        });
    }
}
