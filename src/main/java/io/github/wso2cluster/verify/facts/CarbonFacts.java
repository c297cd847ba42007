package io.github.wso2cluster.verify.facts;

import io.github.wso2cluster.config.CarbonServer;
import io.github.wso2cluster.topology.Ports;
import java.util.Optional;

/** A node's carbon.xml values, read through {@link CarbonServer}, with their lines. */
public final class CarbonFacts {
    private final FileValues file;
    private final Optional<CarbonServer> view;

    CarbonFacts(FileValues file) {
        this.file = file;
        this.view = file.source().map(CarbonServer::new);
    }

    /** A child of the active DeploymentSynchronizer ({@link CarbonServer#ENABLED}, ...). */
    public Located synchronizer(String child) {
        return file.text(view.flatMap(c -> c.synchronizer(child)));
    }

    public Located hostName() {
        return file.text(view.flatMap(CarbonServer::hostName));
    }

    public Located mgtHostName() {
        return file.text(view.flatMap(CarbonServer::mgtHostName));
    }

    public Located offset() {
        return file.text(view.flatMap(CarbonServer::offset));
    }

    int portOffset() {
        Located offset = offset();
        return offset.present() && offset.value().trim().matches("\\d{1,5}") ? Integer.parseInt(offset.value().trim()) : 0;
    }

    /** A JMX port ({@link CarbonServer#JMX_REGISTRY_PORT}, ...), before the offset; {@code fallback} when unreadable. */
    int jmxPort(String name, int fallback) {
        Located value = file.text(view.flatMap(c -> c.jmxPort(name)));
        return value.present() ? Ports.parse(value.value()).orElse(fallback) : fallback;
    }
}
