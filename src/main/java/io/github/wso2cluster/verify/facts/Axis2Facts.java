package io.github.wso2cluster.verify.facts;

import io.github.wso2cluster.config.Axis2Clustering;
import io.github.wso2cluster.config.XmlElement;
import io.github.wso2cluster.topology.MemberAddress;
import io.github.wso2cluster.topology.Ports;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A node's axis2.xml clustering values, read through {@link Axis2Clustering}, with their lines. */
public final class Axis2Facts {
    private final FileValues file;
    private final Optional<Axis2Clustering> view;

    Axis2Facts(FileValues file) {
        this.file = file;
        this.view = file.source().map(Axis2Clustering::new);
    }

    public Optional<XmlElement> clustering() {
        return view.flatMap(Axis2Clustering::clustering);
    }

    /** The {@code enable} attribute of {@code <clustering>}, at its own line (the tag's second, in stock files). */
    public Located enable() {
        return clustering().map(c -> view.flatMap(Axis2Clustering::enable)
                        .map(a -> new Located(a.value(), file.path(), file.absentAt(a.start()).line()))
                        .orElse(file.absentAt(c.start())))
                .orElse(Located.absent(file.path()));
    }

    /** A clustering parameter ({@link Axis2Clustering#DOMAIN}, ...); when absent, at the clustering tag's line. */
    public Located parameter(String name) {
        Located value = file.text(view.flatMap(a -> a.parameter(name)));
        return value.present() ? value : new Located(null, file.path(), enable().line());
    }

    public Located subDomain() {
        Located value = file.at(view.flatMap(Axis2Clustering::subDomain), Axis2Clustering::subDomainValue);
        return value.present() ? value : new Located(null, file.path(), enable().line());
    }

    /** Every active {@code <members>} block of {@code <clustering>}. */
    public List<Located> membersBlocks() {
        return view.map(a -> a.membersBlocks().stream().map(m -> file.at(Optional.of(m), e -> "members")).toList())
                .orElse(List.of());
    }

    /** The member entries of the first {@code <members>} block, as written ({@code host:port}). */
    public List<Located> memberEntries() {
        return view.map(a -> a.memberEntries().stream()
                .map(m -> file.at(Optional.of(m.element()), e -> m.host() + ":" + m.port())).toList()).orElse(List.of());
    }

    /** This node's own member address, when host and port are readable. */
    public Optional<MemberAddress> memberAddress() {
        Located host = parameter(Axis2Clustering.LOCAL_MEMBER_HOST);
        Located port = parameter(Axis2Clustering.LOCAL_MEMBER_PORT);
        if (!host.present() || host.value().isBlank()) {
            return Optional.empty();
        }
        int portNumber = port.present() ? Ports.parse(port.value()).orElse(-1) : Ports.DEFAULT_MEMBER_PORT;
        return portNumber < 0 ? Optional.empty() : Optional.of(MemberAddress.of(host.value(), portNumber));
    }

    /** The well-known members listed, ranges expanded; entries that are not host:port are left out. */
    public List<MemberAddress> wellKnownMembers() {
        List<MemberAddress> members = new ArrayList<>();
        for (Located entry : memberEntries()) {
            MemberAddress.Parsed parsed = MemberAddress.parse(entry.value());
            if (parsed.ok()) {
                members.addAll(parsed.address().expand());
            }
        }
        return members;
    }
}
