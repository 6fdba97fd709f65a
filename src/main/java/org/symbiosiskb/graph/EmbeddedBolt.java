package org.symbiosiskb.graph;

import java.net.InetSocketAddress;

/** The Bolt address the embedded database actually listens on (the configured port may be 0). */
public record EmbeddedBolt(InetSocketAddress address) {

    public String uri() {
        return "bolt://" + address.getHostString() + ":" + address.getPort();
    }
}
